import type { OfficialDocType } from '../content-schema.js';
import { shanghaiDate } from '../items/shanghai-date.js';
import { fitPlan, renderPlan, sayer, subjectReserve, BODY_MAX, BODY_MIN, type Block, type BodyPlan, type Say, type Section } from './demo-body.js';
import { addDays, clip, pastWorkMoment, viewsFor, type DemoCity, type DemoDoc } from './demo-model.js';
import { CITY_ORGANS, TOWN_ORGANS, type DemoOrgan } from './demo-organs.js';
import { CIRCULAR_OPENINGS, CLOSINGS, GENERIC_MEASURES, NEXT_STEPS, NOTICE_OPENINGS, POLICY_OPENINGS, REPORT_OPENINGS, REQUIREMENTS, SAFEGUARDS } from './demo-phrases.js';
import type { Rng } from './demo-random.js';
import { DEMO_TOPICS, type DemoTopic } from './demo-topics.js';

/**
 * 公文 of the demo city: policy documents (意见, 印发办法的通知, 决定, 公报) in 政策文件 and everyday documents
 * (通知, 通报, 公告, 通告, 函, 报告, 请示, 批复, 纪要) in 公文文档, with document numbers numbered per 机关代字 and
 * year in date order, some policies repealed by later revisions, some plans expired, and interpretations
 * (政策解读) linked to their policies.
 */

interface Kind {
  type: OfficialDocType;
  category: 'policies' | 'documents';
  series: 'main' | 'office' | 'letter';
  /** Who issues it: a city organ, a town government, or (for a 请示/报告) a town writing to the city. */
  by: 'city' | 'town';
  title: (s: (t: string) => string, topic: DemoTopic, rng: Rng) => string;
}

const PLAN_NAMES = ['实施办法', '工作方案', '管理办法', '评价办法', '三年行动计划'];

const KINDS: Kind[] = [
  { type: 'opinion', category: 'policies', series: 'main', by: 'city', title: (_s, t, r) => `关于${r.pick(t.policyCores)}的意见` },
  { type: 'opinion', category: 'policies', series: 'main', by: 'town', title: (_s, t, r) => `关于${r.pick(t.policyCores)}的实施意见` },
  { type: 'notice', category: 'policies', series: 'main', by: 'city', title: (s, t, r) => s(`关于印发《{city}${t.label}${r.pick(PLAN_NAMES)}》的通知`) },
  { type: 'decision', category: 'policies', series: 'main', by: 'city', title: (s, t) => s(`关于表彰{year}年度${t.label}工作先进集体和先进个人的决定`) },
  { type: 'communique', category: 'policies', series: 'main', by: 'city', title: (s, t) => s(`{city}{year}年${t.label}发展统计公报`) },
  { type: 'notice', category: 'documents', series: 'office', by: 'city', title: (s, t, r) => s(`关于开展{year}年${r.pick(t.activities)}的通知`) },
  { type: 'notice', category: 'documents', series: 'office', by: 'town', title: (s, t, r) => s(`关于做好{year}年${t.label}${r.pick(['重点', '常态化', '专项'])}工作的通知`) },
  { type: 'circular', category: 'documents', series: 'main', by: 'city', title: (s, t) => s(`关于{year}年度${t.label}工作检查情况的通报`) },
  { type: 'announcement', category: 'documents', series: 'office', by: 'city', title: (s) => s('关于公布{year}年度{city}“百姓学习之星”名单的公告') },
  { type: 'public_notice', category: 'documents', series: 'office', by: 'town', title: (s) => s('关于{town}社区教育中心校舍维修期间调整教学场地的通告') },
  { type: 'letter', category: 'documents', series: 'letter', by: 'city', title: (_s, t, r) => `关于商请支持${r.pick(t.activities)}的函` },
  { type: 'report', category: 'documents', series: 'main', by: 'town', title: (s, t) => s(`关于{year}年${t.label}工作情况的报告`) },
  { type: 'request', category: 'documents', series: 'main', by: 'town', title: (s) => s('关于申请{town}社区教育中心教学设备更新经费的请示') },
  { type: 'reply', category: 'documents', series: 'letter', by: 'city', title: (s) => s('关于同意{town}社区教育中心增设村级学习点的批复') },
  { type: 'minutes', category: 'documents', series: 'office', by: 'city', title: (_s, t) => `${t.label}工作专题会议纪要` },
];

const POLICY_COUNT = 50;
const DOCUMENT_COUNT = 30;
const REVISIONS = 6;
const INTERPRETATIONS = 20;

interface Draft extends DemoDoc { organ: DemoOrgan; series: Kind['series']; writtenAt: Date; topic: DemoTopic; docType: OfficialDocType }

function planFor(kind: Kind, topic: DemoTopic, say: Say, rng: Rng): BodyPlan {
  const measures: Block[] = rng.sample(topic.measures, topic.measures.length).map((m) => ({ kind: 'sub', heading: m.heading, text: m.text.map((x) => say(x)).join('') }));
  const safeguards: Block[] = rng.sample(SAFEGUARDS, 4).map((g) => ({ kind: 'num', heading: g.heading, text: g.text.map((x) => say(x)).join('') }));
  const goals: Block[] = topic.goals.map((g) => ({ kind: 'p', text: say(g) }));
  const results: Block[] = topic.results.map((r) => ({ kind: 'p', text: say(r) }));
  const problems: Block[] = topic.problems.map((p) => ({ kind: 'num', text: say(p) }));
  const next: Block[] = rng.sample(NEXT_STEPS, 3).map((p) => ({ kind: 'num', text: say(p) }));
  const background: Block[] = topic.background.map((b) => ({ kind: 'p', text: say(b) }));
  const requirements: Block[] = rng.sample(REQUIREMENTS, 3).map((p) => ({ kind: 'num', text: say(p) }));
  const closing = CLOSINGS[kind.type] ? [CLOSINGS[kind.type]] : [];
  let sections: Section[];
  let intro: string[];
  switch (kind.type) {
    case 'opinion':
    case 'decision':
      intro = [say(rng.pick(POLICY_OPENINGS))];
      sections = kind.type === 'decision'
        ? [{ title: '基本情况', blocks: results }, { title: '表彰名单', blocks: [{ kind: 'p', text: say('经各镇推荐、市社区教育委员会审核并公示，决定授予{town}社区教育中心等{n}个单位“社区教育工作先进集体”称号，授予{m}名同志“社区教育工作先进个人”称号（名单附后）。') }] }, { title: '希望与要求', blocks: [...next, ...safeguards.slice(0, 1)] }]
        : [{ title: '总体要求', blocks: [...background.slice(0, 1), ...goals] }, { title: '主要任务', blocks: measures }, { title: '保障措施', blocks: safeguards }];
      break;
    case 'circular':
    case 'report':
    case 'communique':
      intro = [say(rng.pick(kind.type === 'report' ? REPORT_OPENINGS : CIRCULAR_OPENINGS))];
      sections = [{ title: '基本情况', blocks: results }, { title: '主要做法', blocks: measures }, { title: '存在的问题', blocks: problems }, { title: '下一步工作', blocks: next }];
      break;
    case 'request':
    case 'reply':
    case 'letter':
      intro = [say(kind.type === 'reply' ? '你镇《关于申请增设村级学习点的请示》收悉。经研究，现批复如下：' : rng.pick(NOTICE_OPENINGS))];
      sections = [{ title: '基本情况', blocks: [...background, ...results.slice(0, 1)] }, { title: '具体事项', blocks: measures.slice(0, 3) }, { title: '有关要求', blocks: requirements }];
      break;
    case 'minutes':
      intro = [say('{date}，{organ}召开专题会议，研究{topic}有关工作。会议听取了各镇工作进展情况汇报，分析了存在的问题，明确了下一阶段任务。现将会议议定事项纪要如下：')];
      sections = [{ title: '会议认为', blocks: [...background.slice(0, 2), ...results.slice(0, 1)] }, { title: '会议议定', blocks: measures }, { title: '会议要求', blocks: safeguards.slice(0, 3) }];
      break;
    default:
      intro = [say(rng.pick(NOTICE_OPENINGS))];
      sections = [{ title: '工作目标', blocks: goals }, { title: '主要内容', blocks: measures }, { title: '工作要求', blocks: [...requirements, ...safeguards.slice(0, 2)] }];
  }
  // A short body grows where a reader expects more of the same: the tasks, the practice, the matters agreed.
  return { intro, sections, outro: closing, growAt: kind.type === 'decision' ? 0 : 1 };
}

function organFor(kind: Kind, city: DemoCity, rng: Rng): { organ: DemoOrgan; townIndex: number } {
  if (kind.by === 'town') {
    const organ = rng.pick(TOWN_ORGANS.slice(0, city.towns.length));
    return { organ, townIndex: organ.town! };
  }
  return { organ: kind.type === 'opinion' || kind.type === 'decision' ? rng.pick(CITY_ORGANS) : CITY_ORGANS[0], townIndex: rng.int(0, city.towns.length - 1) };
}

function draftDoc(rng: Rng, city: DemoCity, kind: Kind, topic: DemoTopic, writtenAt: Date, titleOverride?: string): Draft {
  const { organ, townIndex } = organFor(kind, city, rng);
  const town = city.towns[townIndex];
  const year = Number(shanghaiDate(writtenAt).slice(0, 4));
  const say = sayer(rng, { city: city.name, town: town.name, center: town.center.name, village: rng.pick(town.villages).name, year,
    topic: topic.label, organ: organ.name, activity: rng.pick(topic.activities), date: shanghaiDate(addDays(writtenAt, rng.int(7, 30))).replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日') });
  const titleSay = (t: string) => say(t);
  const draft = planFor(kind, topic, say, rng);
  const plan = fitPlan({ ...draft, reserve: [...(draft.reserve ?? []), ...subjectReserve(topic, say, rng, GENERIC_MEASURES)] }, rng.int(BODY_MIN + 300, BODY_MAX));
  const publishedAt = addDays(writtenAt, rng.int(1, 6));
  const owner = organ.town === null ? { type: 'city' as const, id: city.id, path: city.path } : { type: 'region' as const, id: town.id, path: town.path };
  const written = shanghaiDate(writtenAt);
  return {
    id: rng.uuidAt(publishedAt), categoryId: kind.category, kind: 'official_document',
    title: titleOverride ?? kind.title(titleSay, topic, rng), summary: clip(plan.intro[0], 100), bodyHtml: renderPlan(plan),
    source: organ.name, author: null, keywords: topic.keywords.join(','), owner,
    createdBy: organ.town === null ? 'editor' : town.admin, publishedAt, viewCount: viewsFor(rng, publishedAt, city.now),
    organ, series: kind.series, writtenAt, topic, docType: kind.type,
    official: {
      doc_type: kind.type, issuing_organ: organ.name, organ_code: organ.code, topic: topic.label,
      signer: rng.pick(organ.signers), addressees: kind.type === 'request' || kind.type === 'report' ? `${city.name}教育局` : rng.pick(organ.addressees),
      cc: kind.type === 'minutes' ? '' : rng.pick(organ.cc), written_date: written,
      printing_organ: organ.printingOrgan, printing_date: shanghaiDate(addDays(writtenAt, rng.int(0, 1))),
      disclosure: kind.type === 'request' || kind.type === 'minutes' ? 'on_request' : 'proactive',
      attachment_notes: kind.type === 'decision' ? '附件：先进集体和先进个人名单' : null,
    },
  };
}

/** Numbers in date order per 机关代字 and year, with the gaps real registers have (not every number is public). */
function assignDocNumbers(rng: Rng, drafts: Draft[]) {
  const last = new Map<string, number>();
  for (const d of [...drafts].sort((a, b) => a.writtenAt.getTime() - b.writtenAt.getTime())) {
    const year = Number(d.official!.written_date!.slice(0, 4));
    const prefix = d.organ.prefixes[d.series];
    const key = `${prefix}|${year}`;
    const serial = (last.get(key) ?? 0) + rng.int(1, 5);
    last.set(key, serial);
    d.official!.doc_number = `${prefix}〔${year}〕${serial}号`;
    d.official!.doc_year = year;
  }
}

const nestQuotes = (title: string) => title.replace(/《/g, '〈').replace(/》/g, '〉');

function interpretation(rng: Rng, city: DemoCity, policy: Draft): DemoDoc {
  const say = sayer(rng, { city: city.name, town: rng.pick(city.towns).name, center: '', village: '', year: policy.official!.doc_year!, topic: policy.topic.label, organ: policy.organ.name, date: '' });
  const t = policy.topic;
  const draft: BodyPlan = {
    intro: [say(`近日，${policy.organ.name}印发了《${nestQuotes(policy.title)}》（${policy.official!.doc_number}）。为便于社会公众理解和执行，现就有关内容解读如下。`)],
    sections: [
      { title: '出台背景', blocks: t.background.map((b) => ({ kind: 'p', text: say(b) })) },
      { title: '主要目标', blocks: t.goals.map((g) => ({ kind: 'p', text: say(g) })) },
      { title: '重点内容', blocks: t.measures.map((m) => ({ kind: 'sub', heading: m.heading, text: say(m.text[0]) })) },
      { title: '实施范围和时间', blocks: [{ kind: 'p', text: say('本文件适用于{city}行政区域内的{topic}工作，自印发之日起施行。执行中的具体问题，由发文机关负责解释。') }] },
    ],
    outro: [], growAt: 2,
  };
  const plan = fitPlan({ ...draft, reserve: subjectReserve(t, say, rng, GENERIC_MEASURES) }, rng.int(BODY_MIN + 200, BODY_MAX));
  const publishedAt = addDays(policy.publishedAt, rng.int(1, 7));
  return {
    id: rng.uuidAt(publishedAt), categoryId: 'interpretations', kind: 'article',
    title: `《${nestQuotes(policy.title)}》政策解读`, summary: null, bodyHtml: renderPlan(plan),
    source: policy.organ.name, author: rng.pick(['政策法规科', '社区教育科', '办公室']), keywords: t.keywords.join(','),
    owner: policy.owner, createdBy: policy.createdBy, publishedAt, viewCount: viewsFor(rng, publishedAt, city.now), interpretationOf: policy.id,
  };
}

export interface OfficialSet {
  documents: DemoDoc[];
  /** Repealed document id → the id of the later document that repealed it (set after both are written). */
  repeals: Map<string, string>;
  /** Documents whose period has ended (失效). */
  expired: Set<string>;
}

export function generateOfficialDocuments(rng: Rng, city: DemoCity): OfficialSet {
  const drafts: Draft[] = [];
  const kindsFor = (category: Kind['category']) => KINDS.filter((k) => k.category === category);
  for (const [category, count] of [['policies', POLICY_COUNT - REVISIONS], ['documents', DOCUMENT_COUNT]] as const) {
    const kinds = kindsFor(category);
    for (let i = 0; i < count; i++) {
      // Draw again when a template repeats a title already drafted (an organ does not issue the same document twice).
      let draft = draftDoc(rng, city, kinds[i % kinds.length], rng.pick(DEMO_TOPICS), pastWorkMoment(rng, city.now, 10, 3 * 365));
      for (let attempt = 0; attempt < 12 && drafts.some((d) => d.title === draft.title); attempt++) {
        draft = draftDoc(rng, city, kinds[(i + attempt + 1) % kinds.length], rng.pick(DEMO_TOPICS), pastWorkMoment(rng, city.now, 10, 3 * 365));
      }
      drafts.push(draft);
    }
  }
  // Revisions: an older city policy is replaced by a revised one; the old one is repealed (废止).
  const repeals = new Map<string, string>();
  const candidates = drafts.filter((d) => d.categoryId === 'policies' && d.organ.town === null && d.docType !== 'communique' && d.docType !== 'decision'
    && city.now.getTime() - d.writtenAt.getTime() > 400 * 86_400_000);
  for (const old of rng.sample(candidates, REVISIONS)) {
    const kind = KINDS.find((k) => k.type === old.docType && k.category === 'policies' && k.by === 'city')!;
    const revised = draftDoc(rng, city, kind, old.topic, pastWorkMoment(rng, city.now, 10, 300), old.title.replace(/的(通知|意见)$/, '（修订）的$1').replace(/》（修订）的通知$/, '（修订）》的通知'));
    revised.organ = old.organ;
    revised.source = old.organ.name;
    revised.official = { ...revised.official!, issuing_organ: old.organ.name, organ_code: old.organ.code, signer: rng.pick(old.organ.signers) };
    drafts.push(revised);
    repeals.set(old.id, revised.id);
  }
  assignDocNumbers(rng, drafts);
  // Work plans for a past period have run their course (失效).
  // Plans and a year's notices lapse (失效) once their period is over.
  const thisYear = Number(shanghaiDate(city.now).slice(0, 4));
  const expired = new Set(drafts.filter((d) => !repeals.has(d.id) && d.docType === 'notice'
    && ((/工作方案|行动计划/.test(d.title) && city.now.getTime() - d.writtenAt.getTime() > 540 * 86_400_000)
      || (/^关于(开展|做好)\d{4}年/.test(d.title) && d.official!.doc_year! < thisYear - 1))).map((d) => d.id));
  const policies = drafts.filter((d) => d.categoryId === 'policies' && (d.docType === 'opinion' || d.docType === 'notice') && !repeals.has(d.id));
  const interpretations = rng.sample(policies, Math.min(INTERPRETATIONS, policies.length)).map((p) => interpretation(rng, city, p));
  return { documents: [...drafts, ...interpretations], repeals, expired };
}
