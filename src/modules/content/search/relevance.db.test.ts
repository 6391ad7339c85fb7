import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SqlBool } from 'kysely';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { testDialects } from '../../../../test/support/databases.js';
import { fakeClock } from '../../../../test/support/fake-clock.js';
import { addItem, addJob, clearContent } from '../../../../test/support/search-fixtures.js';
import { containsText } from '../../../core/db/text-match.js';
import { contentDb } from '../content-schema.js';
import { search } from './search-service.js';

/**
 * The relevance test set: a fixed corpus (written here, deterministic) of 32 topic documents and 150 newer
 * newsletters that mention the same topics in passing, and 40 queries with the documents a reader wants
 * on top. Precision@5 (relevant documents among the first five ÷ min(5, number relevant)) of the engine
 * against a plain LIKE baseline (every space-separated word as a case-insensitive substring of title or
 * body, newest first) over the same data, in the same test.
 */
interface Topic { key: string; title: string; body: string; date: string; official?: { docType: 'opinion' | 'notice' | 'circular' | 'decision'; organ: string; docNumber: string } ; job?: { employer: string } }

const TOPICS: Topic[] = [
  { key: 'elder-intake', title: '柳泉镇老年大学2024年春季招生简章', body: '本学期开设书画、声乐、养生保健课程，年满五十五周岁的居民可报名，名额有限，额满为止。', date: '2024-02-01' },
  { key: 'credit-bank', title: '青溪市学分银行学习成果认定办法', body: '居民参加培训取得的学习成果，经认定后存入个人学习账户，可以累积和转换。', date: '2023-06-01', official: { docType: 'decision', organ: '青溪市教育局', docNumber: '青教发〔2023〕20号' } },
  { key: 'citizen-school', title: '云湖镇市民学校建设标准', body: '村居成人文化技术学校应有固定教室、专兼职教师和年度教学计划。', date: '2022-09-01' },
  { key: 'week', title: '关于举办2023年全民终身学习活动周的通知', body: '各镇人民政府：为营造人人皆学的氛围，定于十月举办活动周，请认真组织。', date: '2023-09-05', official: { docType: 'notice', organ: '青溪市教育局', docNumber: '青教发〔2023〕12号' } },
  { key: 'opinion', title: '关于进一步加强我市社区教育工作的意见', body: '各镇人民政府，市各有关单位：为完善三级网络，提出如下意见。', date: '2023-04-23', official: { docType: 'opinion', organ: '青溪市人民政府', docNumber: '青政发〔2023〕7号' } },
  { key: 'funds', title: '社区教育专项经费管理办法', body: '专项经费列入财政预算，实行专款专用，任何单位不得挤占挪用。', date: '2021-03-01', official: { docType: 'decision', organ: '青溪市财政局', docNumber: '青财教〔2021〕4号' } },
  { key: 'assessment', title: '关于2023年度镇社区教育目标管理考核结果的通报', body: '市教育督导室对各镇进行了年度考核，现将结果通报如下。', date: '2024-01-15', official: { docType: 'circular', organ: '青溪市教育局', docNumber: '青教发〔2024〕2号' } },
  { key: 'phone', title: '老年人智能手机应用培训班开班', body: '培训内容包括视频通话、扫码出行和网上挂号，帮助老人跨越数字鸿沟。', date: '2024-03-10' },
  { key: 'farmer', title: '新型农民培训学校开展果树栽培培训', body: '农技专家在田间讲解修剪和病虫害防治，八十余名果农参加。', date: '2023-04-02' },
  { key: 'calligraphy', title: '石桥镇老年学校举办书法作品展', body: '展出学员作品一百二十幅，真草隶篆各具特色。', date: '2023-11-20' },
  { key: 'job-teacher', title: '社区教育专职教师', body: '负责课程组织与教学管理，本科以上学历。', date: '2025-12-01', job: { employer: '东港镇社区教育中心' } },
  { key: 'job-dance', title: '舞蹈教师', body: '承担广场舞和民族舞课程，每周四课时。', date: '2025-11-15', job: { employer: '龙溪镇老年大学' } },
  { key: 'volunteer', title: '社区教育志愿者招募启事', body: '欢迎有专长的退休教师、医生和技术人员报名，为居民授课。', date: '2022-05-01' },
  { key: 'reading', title: '桃林镇全民阅读推广活动启动', body: '图书馆与农家书屋联动，开展亲子共读和好书分享。', date: '2023-04-23' },
  { key: 'fraud', title: '反诈骗知识进社区专题讲座', body: '民警结合真实案例讲解电信网络诈骗的常见手法与防范要点。', date: '2023-07-12' },
  { key: 'waste', title: '垃圾分类市民学校专题课', body: '讲解四分类标准，现场开展分类投放互动游戏。', date: '2022-06-18' },
  { key: 'skills', title: '白沙镇职业技能培训补贴申领指南', body: '参加培训并取得证书的人员，可按规定申领培训补贴。', date: '2023-08-08' },
  { key: 'city', title: '青溪市创建学习型城市工作方案', body: '到2025年基本形成覆盖城乡的终身教育体系。', date: '2021-01-10', official: { docType: 'notice', organ: '青溪市人民政府', docNumber: '青政办发〔2021〕3号' } },
  { key: 'digital', title: '社区教育数字化学习平台正式上线', body: '平台汇集课程资源两千余门，居民可在手机上随时学习。', date: '2024-05-20' },
  { key: 'family', title: '家庭教育指导服务站揭牌', body: '服务站为家长提供咨询与课程，帮助解决亲子沟通难题。', date: '2022-10-10' },
  { key: 'tcm', title: '松岗镇中医养生讲座受欢迎', body: '中医师讲解四季养生与常见病预防，现场提供义诊。', date: '2023-03-03' },
  { key: 'taichi', title: '龙溪镇太极拳培训班结业', body: '学员经过三个月练习，掌握了二十四式简化套路。', date: '2023-06-30' },
  { key: 'survey', title: '全市居民学习需求调研报告', body: '共回收问卷三千份，居民最希望学习的是健康养生和数字技能。', date: '2022-12-01' },
  { key: 'plan', title: '东港镇2024年社区教育工作计划', body: '全年计划开展培训一百期，重点建设村居教学点。', date: '2024-01-05' },
  { key: 'summary', title: '柳泉镇2023年社区教育工作总结', body: '一年来共开展培训八十期，受益居民一万余人次。', date: '2023-12-28' },
  { key: 'premises', title: '社区教育中心场地设施开放管理规定', body: '场地在保证教学的前提下有序开放，不得挪作他用。', date: '2021-09-09', official: { docType: 'decision', organ: '青溪市教育局', docNumber: '青教发〔2021〕15号' } },
  { key: 'tea', title: '茶艺培训班在白沙镇开课', body: '茶艺师演示冲泡技艺，学员学习茶文化与礼仪。', date: '2023-05-05' },
  { key: 'fire', title: '消防安全知识培训走进企业', body: '消防员演示灭火器使用方法，组织疏散演练。', date: '2022-11-09' },
  { key: 'photo', title: '老年摄影班学员作品展', body: '镜头记录家乡变化，展出照片六十幅。', date: '2023-10-01' },
  { key: 'ecommerce', title: '农村电商直播培训助力农产品销售', body: '学员学习直播带货技巧，现场销售本地特产。', date: '2024-04-12' },
  { key: 'first-aid', title: '应急救护培训进社区', body: '红十字会讲师教授心肺复苏和止血包扎。', date: '2022-08-20' },
  { key: 'wifi', title: '社区学习中心开通WiFi和APP预约服务', body: '居民可用手机APP预约课程。', date: '2022-03-15' },
];

/** Words the newsletters mention in passing (the same words the topics are about). */
const PASSING = ['学分银行', '市民学校', '书法', '智能手机', '中医', '太极拳', '家庭教育', '专项经费', '茶艺', '消防', '摄影', '志愿者',
  '全民阅读', '垃圾分类', '老年大学', '终身学习', '学习型城市', '应急救护', '反诈骗', '工作计划', '工作总结', '招生', '意见', '考核', '数字化', '直播'];
const TOWNS = ['柳泉镇', '石桥镇', '云湖镇', '桃林镇', '龙溪镇', '松岗镇', '白沙镇', '东港镇'];

const QUERIES: { q: string; relevant: string[] }[] = [
  { q: '老年大学 招生', relevant: ['elder-intake'] }, { q: '老年大学招生', relevant: ['elder-intake'] },
  { q: '学分银行', relevant: ['credit-bank'] }, { q: '市民学校', relevant: ['citizen-school', 'waste'] },
  { q: '终身学习活动周', relevant: ['week'] }, { q: '青教发〔2023〕12号', relevant: ['week'] }, { q: '青教发[2023]12号', relevant: ['week'] },
  { q: '2023 意见', relevant: ['opinion'] }, { q: '社区教育 意见', relevant: ['opinion'] }, { q: '专项经费', relevant: ['funds'] },
  { q: '经费 管理', relevant: ['funds'] }, { q: '目标管理 考核', relevant: ['assessment'] }, { q: '智能手机', relevant: ['phone'] },
  { q: '老年人 手机 培训', relevant: ['phone'] }, { q: '新型农民', relevant: ['farmer'] }, { q: '果树', relevant: ['farmer'] },
  { q: '书法', relevant: ['calligraphy'] }, { q: '专职教师', relevant: ['job-teacher'] }, { q: '舞蹈教师', relevant: ['job-dance'] },
  { q: '志愿者 招募', relevant: ['volunteer'] }, { q: '全民阅读', relevant: ['reading'] }, { q: '反诈骗', relevant: ['fraud'] },
  { q: '垃圾分类', relevant: ['waste'] }, { q: '技能培训 补贴', relevant: ['skills'] }, { q: '学习型城市', relevant: ['city'] },
  { q: '数字化 平台', relevant: ['digital'] }, { q: '家庭教育', relevant: ['family'] }, { q: '中医', relevant: ['tcm'] },
  { q: '太极拳', relevant: ['taichi'] }, { q: '学习需求 调研', relevant: ['survey'] }, { q: '东港镇 工作计划', relevant: ['plan'] },
  { q: '2023 工作总结', relevant: ['summary'] }, { q: '场地 开放', relevant: ['premises'] }, { q: '茶艺', relevant: ['tea'] },
  { q: '消防', relevant: ['fire'] }, { q: '摄影', relevant: ['photo'] }, { q: '电商 直播', relevant: ['ecommerce'] },
  { q: '应急救护', relevant: ['first-aid'] }, { q: 'wifi', relevant: ['wifi'] }, { q: '柳泉镇 老年大学', relevant: ['elder-intake'] },
];

function precisionAt5(ranked: string[], relevant: string[]): number {
  const top = ranked.slice(0, 5);
  return relevant.filter((r) => top.includes(r)).length / Math.min(5, relevant.length);
}

describe.each(testDialects())('search relevance on %s', (kind) => {
  let t: TestApp;
  const keyOf = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: fakeClock('2026-03-02T01:00:00.000Z') });
    const core = t.app.core;
    await clearContent(core);
    for (const topic of TOPICS) {
      const publishedAt = `${topic.date}T02:00:00.000Z`;
      const id = topic.job
        ? await addJob(core, { position: topic.title, employer: topic.job.employer, requirements: topic.body, publishedAt, validUntil: '2026-12-31' })
        : await addItem(core, {
          title: topic.title, body: topic.body, publishedAt, category: topic.official ? 'policies' : 'notices',
          official: topic.official ? { docType: topic.official.docType, organ: topic.official.organ, docNumber: topic.official.docNumber } : undefined,
        });
      keyOf.set(id, topic.key);
    }
    // Newer newsletters that mention three topic words each, in a fixed pattern.
    for (let n = 0; n < 150; n++) {
      const words = [PASSING[n % PASSING.length], PASSING[(n * 7 + 3) % PASSING.length], PASSING[(n * 11 + 5) % PASSING.length]];
      const town = TOWNS[n % TOWNS.length];
      const id = await addItem(core, {
        title: `${town}社区教育简讯（第${n + 1}期）`,
        body: `本期简讯回顾了${town}近期工作，涉及${words[0]}、${words[1]}和${words[2]}等内容。2023年以来，各村居教学点按计划开展活动，居民参与热情较高。欢迎广大居民关注。`,
        publishedAt: new Date(Date.parse('2025-01-01T02:00:00Z') + n * 86_400_000).toISOString(),
      });
      keyOf.set(id, `newsletter-${n}`);
    }
  });
  afterAll(async () => { await t.close(); });

  /** The baseline: each word a LIKE substring of title or body, newest first (items and job postings). */
  async function likeBaseline(q: string): Promise<string[]> {
    const words = q.split(/\s+/).filter(Boolean);
    const db = contentDb(t.app.core);
    const items = await db.selectFrom('content_items').select(['id', 'published_at']).where('status', '=', 'published')
      .where((eb) => eb.and(words.map((w) => eb.or([containsText(eb.ref('title'), w), containsText(eb.ref('body_text'), w)]) as unknown as ReturnType<typeof sql<SqlBool>>)))
      .orderBy('published_at', 'desc').limit(5).execute();
    const jobs = await db.selectFrom('content_jobs').select(['id', 'published_at']).where('status', '=', 'published')
      .where((eb) => eb.and(words.map((w) => eb.or([containsText(eb.ref('position'), w), containsText(eb.ref('employer_name'), w), containsText(eb.ref('requirements_text'), w)]) as unknown as ReturnType<typeof sql<SqlBool>>)))
      .orderBy('published_at', 'desc').limit(5).execute();
    return [...items, ...jobs].sort((a, b) => String(b.published_at).localeCompare(String(a.published_at))).slice(0, 5).map((r) => keyOf.get(r.id)!);
  }

  it('ranks what readers want in the first five clearly better than LIKE', async () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(30);
    const rows: { q: string; engine: number; like: number }[] = [];
    for (const { q, relevant } of QUERIES) {
      const ours = (await search(t.app.core, { q, page: 1 })).items.map((i) => keyOf.get(i.id)!);
      rows.push({ q, engine: precisionAt5(ours, relevant), like: precisionAt5(await likeBaseline(q), relevant) });
    }
    const mean = (k: 'engine' | 'like') => rows.reduce((s, r) => s + r[k], 0) / rows.length;
    console.log(`precision@5 over ${rows.length} queries on ${kind}: engine ${mean('engine').toFixed(3)}, LIKE baseline ${mean('like').toFixed(3)}`);
    const misses = rows.filter((r) => r.engine < 1);
    if (misses.length) console.log(`engine below 1.0 on: ${misses.map((m) => `${m.q} (${m.engine})`).join(', ')}`);
    expect(mean('engine')).toBeGreaterThanOrEqual(0.95);
    expect(mean('engine') - mean('like')).toBeGreaterThanOrEqual(0.3);
  });
});
