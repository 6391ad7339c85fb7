import fs from 'node:fs';
import { HOSTILE_TEXTS } from '../../../../bench/hostile-texts.js';
import { seedPagePath } from '../../../../test/support/seed-page.js';
import { describe, expect, it } from 'vitest';
import { importOfficialText, type ImportedDocument } from './text-import.js';
import { dateOnlyLine, docNumberLine, findDate, findDocNumber, addresseeLine, docTypeOfTitle } from './official-patterns.js';

/** Every string of the result (structured fields and HTML) in one list, to prove debris is nowhere. */
function allText(doc: ImportedDocument): string {
  return JSON.stringify(doc);
}
const sectionHeadings = (doc: ImportedDocument) => doc.sections.map((s) => s.heading);

describe('the seed page (a real, messy copy of a portal article)', () => {
  const seedPath = seedPagePath();
  const doc = importOfficialText(fs.readFileSync(seedPath, 'utf8'));

  it('gives the title and the addressees', () => {
    expect(doc.title).toBe('关于进一步加强我市社区教育工作的意见');
    expect(doc.addressees).toBe('各镇人民政府,市各有关单位');
    expect(doc.docType).toBe('opinion');
  });

  it('gives three top-level sections and the four numbered items of the third', () => {
    expect(sectionHeadings(doc)).toEqual([
      '进一步加强社区教育工作的意义和现状', '进一步明确社区教育中心建设的任务', '进一步落实社区教育工作的保障机制',
    ]);
    expect(doc.sections.map((s) => s.marker)).toEqual(['一、', '二、', '三、']);
    const third = doc.sections[2];
    expect(third.children.map((c) => [c.marker, c.heading, c.runIn])).toEqual([
      ['1、', '加强组织领导', true], ['2、', '确保经费投入', true], ['3、', '巩固阵地建设', true], ['4、', '强化督导管理', true],
    ]);
    expect(third.children[3].paragraphs[0]).toMatch(/^市教育督导室等机构要强化对各镇社区教育工作的督促检查/);
    // Section 二 keeps its three "——" paragraphs; the opening paragraph is the preamble.
    expect(doc.sections[1].paragraphs).toHaveLength(3);
    expect(doc.sections[1].paragraphs.every((p) => p.startsWith('——'))).toBe(true);
    expect(doc.preamble).toHaveLength(1);
    expect(doc.preamble[0]).toMatch(/^为认真贯彻落实党的十七大.*提出如下意见。$/);
  });

  it('keeps none of the site: navigation, breadcrumb, meta line, headline, teaser, promotion, recommended block', () => {
    const everything = allText(doc);
    for (const debris of ['全部考试', '考试报名', '成绩查询', '网络课程', '模拟试题', '公文文档', '文档大全', '作文大全', '范文大全',
      '招聘大全', '招聘', '试题', '课程', '当前位置', '勤学考试网', '正文', '本文已影响', '手机站', '12:20:07', '【教育意见】',
      '小编', '供大家参考', '推荐访问', '考试时间']) {
      expect(everything, debris).not.toContain(debris);
    }
    expect(doc.droppedLines).toBeGreaterThanOrEqual(25);
  });

  it('renders the body as h2 headings and paragraphs with run-in headings, sanitised', () => {
    expect(doc.bodyHtml.match(/<h2>/g)).toHaveLength(3);
    expect(doc.bodyHtml).toContain('<h2>一、进一步加强社区教育工作的意义和现状</h2>');
    expect(doc.bodyHtml).toContain('<p><strong>1、加强组织领导。</strong>社区教育是一项综合性工作');
    expect(doc.bodyHtml).not.toContain(doc.title);
    expect(doc.bodyHtml).not.toMatch(/各镇人民政府,市各有关单位/);
  });
});

describe('invented documents: the rules are general', () => {
  it('a 通知 with red head, document number, 附件 lines, 落款, disclosure note and 版记', () => {
    const doc = importOfficialText(`青山市教育局文件
青教发〔2024〕7号
关于开展2024年全民终身学习活动周的通知
各镇（街道）社区教育中心，市直各学校：
　　为营造全民学习、终身学习的社会氛围，经研究，决定在全市开展2024年全民终身学习活动周。现将有关事项通知如下。
一、活动时间
2024年10月20日至10月26日。报名时间：2024年10月8日至10月15日。
二、活动内容
（一）开幕式。由市教育局会同柳泉镇人民政府举办，各镇组织学员参加。
（二）学习成果展示。各社区教育中心推荐优秀学习团队参加展演，欢迎大家积极参与。
三、工作要求
1.高度重视。各单位要把活动周作为推进学习型城市建设的重要抓手。
2.加强宣传。经费来源：各单位从社区教育专项经费中列支。
请各单位于2024年10月15日前将活动方案报市教育局职成科。
附件：1．2024年全民终身学习活动周活动安排表
      2．学习成果展示报名表
青山市教育局
2024年9月28日
（此件公开发布）
抄送：市委宣传部，市文明办。
青山市教育局办公室        2024年9月28日印发`);
    expect(doc.title).toBe('关于开展2024年全民终身学习活动周的通知');
    expect(doc.docType).toBe('notice');
    expect(doc.docNumber).toBe('青教发〔2024〕7号');
    expect(doc.docYear).toBe(2024);
    expect(doc.addressees).toBe('各镇（街道）社区教育中心，市直各学校');
    expect(sectionHeadings(doc)).toEqual(['活动时间', '活动内容', '工作要求']);
    expect(doc.sections[1].children.map((c) => c.heading)).toEqual(['开幕式', '学习成果展示']);
    expect(doc.sections[2].children.map((c) => [c.marker, c.heading])).toEqual([['1.', '高度重视'], ['2.', '加强宣传']]);
    // Lines of the body that merely look like page furniture stay.
    expect(doc.sections[0].paragraphs[0]).toContain('报名时间：2024年10月8日');
    expect(allText(doc)).toContain('欢迎大家积极参与');
    expect(allText(doc)).toContain('经费来源：各单位从社区教育专项经费中列支');
    // A closing sentence after numbered items stays with the last open item (the order of the text is kept).
    expect(doc.sections[2].children[1].paragraphs.at(-1)).toBe('请各单位于2024年10月15日前将活动方案报市教育局职成科。');
    expect(doc.attachmentNotes).toEqual(['2024年全民终身学习活动周活动安排表', '学习成果展示报名表']);
    expect(doc.closingOrgans).toEqual(['青山市教育局']);
    expect(doc.writtenDate).toBe('2024-09-28');
    expect(doc.disclosure).toBe('proactive');
    expect(doc.cc).toBe('市委宣传部，市文明办');
    expect(doc.printingOrgan).toBe('青山市教育局办公室');
    expect(doc.printingDate).toBe('2024-09-28');
    expect(doc.notes).toEqual([]);
    expect(allText(doc)).not.toContain('青山市教育局文件');
    expect(doc.bodyHtml).not.toContain('附件');
    expect(doc.bodyHtml).toContain('<h2>一、活动时间</h2>');
    expect(doc.bodyHtml).toContain('<p><strong>（一）开幕式。</strong>由市教育局');
  });

  it('a 函 with the number under the title, one addressee, a date in Chinese numerals and a contact note', () => {
    const doc = importOfficialText([
      '青山市教育局',
      '关于商请支持老年大学教学点建设的函',
      '青教函 [2024] 015 号',
      '市财政局：',
      '为落实全市老年教育发展规划，我局拟在各镇社区教育中心设立老年大学教学点。现就有关事项函商如下：',
      '一、建设规模。2024年在8个镇各设立1个教学点。',
      '二、经费测算。每个教学点开办经费约5万元，详见附表。',
      '盼复。',
      '青山市教育局',
      '二〇二四年三月十五日',
      '（联系人：王老师，电话：0519-86123456）',
    ].join('\n'));
    expect(doc.title).toBe('关于商请支持老年大学教学点建设的函');
    expect(doc.docType).toBe('letter');
    expect(doc.docNumber).toBe('青教函〔2024〕15号');
    expect(doc.addressees).toBe('市财政局');
    expect(doc.sections.map((s) => [s.heading, s.runIn])).toEqual([['建设规模', true], ['经费测算', true]]);
    expect(doc.sections[1].paragraphs).toEqual(['每个教学点开办经费约5万元，详见附表。', '盼复。']);
    expect(doc.closingOrgans).toEqual(['青山市教育局']);
    expect(doc.writtenDate).toBe('2024-03-15');
    expect(doc.notes).toEqual(['（联系人：王老师，电话：0519-86123456）']);
    expect(doc.bodyHtml).toContain('<p>（联系人：王老师，电话：0519-86123456）</p>');
  });

  it('a 实施意见 copied from another portal: （一） sub-sections, menus, meta, previous/next, related, share, ICP', () => {
    const doc = importOfficialText(`首页 | 机构概况 | 政务公开 | 通知公告 | 办事服务
您的位置：首页 > 政务公开 > 政策文件
关于 加强 老年教育 工作的 实施意见
发布时间：2024-05-08 09:30  浏览次数：1024
字号：【大 中 小】 打印本页 关闭窗口
各镇人民政府、街道办事处，市各委办局：
为满足老年人多样化学习需求，现就加强我市老年教育工作提出如下实施意见。
一、总体要求
（一）指导思想。以终身学习理念为指导，推动老年教育融入社区教育体系。
（二）主要目标。到2025年，每个镇建成1所老年学校。
二、主要任务
（一）扩大老年教育供给
依托镇社区教育中心和村（居）市民学校，就近开设老年教育课程。
（二）创新教学方式
1. 推进线上学习。建设老年学习网，提供适合老年人的视频课程。
2. 开展送教上门。组织志愿教师走进村（居）开展教学。
（1）确定送教点。各镇每年至少确定3个送教点。
（2）做好记录。送教情况记入学习档案。
三、保障措施
各镇要将老年教育经费纳入年度预算。
青山市人民政府办公室
2024年5月6日
上一篇：关于做好2024年社区教育工作的通知
下一篇：青山市社区教育中心建设标准
相关文章
青山市老年大学春季招生公告
2024年社区教育工作要点
扫一扫在手机打开当前页
版权所有：青山市人民政府 苏ICP备12345678号`);
    expect(doc.title).toBe('关于加强老年教育工作的实施意见');
    expect(doc.docType).toBe('opinion');
    expect(doc.addressees).toBe('各镇人民政府、街道办事处，市各委办局');
    expect(sectionHeadings(doc)).toEqual(['总体要求', '主要任务', '保障措施']);
    expect(doc.sections[0].children.map((c) => [c.marker, c.heading, c.runIn])).toEqual([['（一）', '指导思想', true], ['（二）', '主要目标', true]]);
    const tasks = doc.sections[1].children;
    expect(tasks.map((c) => [c.heading, c.runIn])).toEqual([['扩大老年教育供给', false], ['创新教学方式', false]]);
    expect(tasks[0].paragraphs).toEqual(['依托镇社区教育中心和村（居）市民学校，就近开设老年教育课程。']);
    expect(tasks[1].children.map((c) => c.heading)).toEqual(['推进线上学习', '开展送教上门']);
    expect(tasks[1].children[1].children.map((c) => [c.level, c.marker, c.heading])).toEqual([[4, '（1）', '确定送教点'], [4, '（2）', '做好记录']]);
    expect(doc.closingOrgans).toEqual(['青山市人民政府办公室']);
    expect(doc.writtenDate).toBe('2024-05-06');
    expect(doc.bodyHtml).toContain('<h3>（一）扩大老年教育供给</h3>');
    expect(doc.bodyHtml).toContain('<p><strong>（一）指导思想。</strong>以终身学习理念为指导');
    const everything = allText(doc);
    for (const debris of ['机构概况', '您的位置', '发布时间', '浏览次数', '打印本页', '上一篇', '下一篇', '相关文章', '春季招生公告',
      '2024年社区教育工作要点', '扫一扫', '版权所有', 'ICP']) {
      expect(everything, debris).not.toContain(debris);
    }
  });

  it('a 公告 without addressees, with lines broken inside paragraphs (copied from a PDF) and organ and date on one line', () => {
    const doc = importOfficialText(`青山市老年大学2024年秋季招生公告
根据学校年度教学计划，现将2024年秋季学期招生有关事项公告
如下，请有意报名的市民按时报名。
一、招生对象
本市常住居民，年龄在50周岁以上，身体健康，能坚持正常学
习。
二、报名方式
携带身份证到各镇社区教育中心报名，每人限报两门课程。
青山市老年大学 2024年8月1日`);
    expect(doc.title).toBe('青山市老年大学2024年秋季招生公告');
    expect(doc.docType).toBe('announcement');
    expect(doc.addressees).toBe('');
    expect(doc.preamble).toEqual(['根据学校年度教学计划，现将2024年秋季学期招生有关事项公告如下，请有意报名的市民按时报名。']);
    expect(doc.sections[0].paragraphs).toEqual(['本市常住居民，年龄在50周岁以上，身体健康，能坚持正常学习。']);
    expect(doc.closingOrgans).toEqual(['青山市老年大学']);
    expect(doc.writtenDate).toBe('2024-08-01');
  });

  it('text without any recognisable part still becomes a draft whose title is the first line', () => {
    const doc = importOfficialText('社区教育中心周末开放\n本周六、周日上午照常开放阅览室。');
    expect(doc.title).toBe('社区教育中心周末开放');
    expect(doc.preamble).toEqual(['本周六、周日上午照常开放阅览室。']);
    expect(doc.sections).toEqual([]);
    expect(importOfficialText('   \n\n ').title).toBe('');
  });

  it('escapes markup typed into the text instead of passing it on', () => {
    const doc = importOfficialText('关于测试的通知\n各镇人民政府：\n<script>alert(1)</script><img src=x onerror=alert(1)>请知悉。');
    expect(doc.bodyHtml).not.toMatch(/<script|<img|onerror=alert\(1\)>/);
    expect(doc.bodyHtml).toContain('&lt;script&gt;');
  });
});

describe('recognisers', () => {
  it('normalises document numbers and refuses citations inside sentences as the document’s own', () => {
    expect(findDocNumber('X教发 [2023] 12 号')?.text).toBe('X教发〔2023〕12号');
    expect(findDocNumber('青政办发（2022）003号')).toEqual({ text: '青政办发〔2022〕3号', year: 2022 });
    expect(findDocNumber('苏教职【2021】5号')?.text).toBe('苏教职〔2021〕5号');
    expect(findDocNumber('没有文号')).toBeNull();
    expect(docNumberLine('青教发〔2024〕7号      签发人：李明')).toEqual({ number: { text: '青教发〔2024〕7号', year: 2024 }, signer: '李明' });
    expect(docNumberLine('（青教发〔2024〕7号）')?.number.text).toBe('青教发〔2024〕7号');
    expect(docNumberLine('根据《关于推进社区教育工作的若干意见》（教职成〔2004〕16号）精神，制定本办法。')).toBeNull();
  });

  it('reads dates in both scripts and refuses impossible ones', () => {
    expect(findDate('2023年4月23日')?.iso).toBe('2023-04-23');
    expect(findDate('二〇二三年十二月三十一日')?.iso).toBe('2023-12-31');
    expect(findDate('二○二四年二月二十九日')?.iso).toBe('2024-02-29');
    expect(findDate('二〇二三年二月二十九日')).toBeNull();
    expect(findDate('2023.4.5')?.iso).toBe('2023-04-05');
    expect(dateOnlyLine('（2024年1月5日）')).toBe('2024-01-05');
    expect(dateOnlyLine('2024年1月5日前报送')).toBeNull();
  });

  it('recognises addressee lines and nothing that merely ends with a colon', () => {
    expect(addresseeLine('各镇人民政府，市各有关单位：')).toEqual(['各镇人民政府', '市各有关单位']);
    expect(addresseeLine('现将有关事项通知如下：')).toBeNull();
    expect(addresseeLine('附件：')).toBeNull();
    expect(addresseeLine('抄送：市委办公室，市人大办公室：')).toBeNull();
  });

  it('types a document by the word its title ends with', () => {
    expect(docTypeOfTitle('关于印发《青山市社区教育经费管理办法》的通知')).toBe('notice');
    expect(docTypeOfTitle('关于同意设立柳泉镇老年学校的批复')).toBe('reply');
    expect(docTypeOfTitle('关于老年大学教学点经费问题的复函')).toBe('letter');
    expect(docTypeOfTitle('青山市社区教育经费管理办法')).toBeNull();
  });
});

describe('hostile input', () => {
  // A backtracking pattern would take minutes on these and trip the test timeout; how the work grows with the input
  // is measured (as a ratio, not a timed assertion) by bench/linear-growth-bench.ts.
  it('imports 200,000 characters built to make regular expressions backtrack', () => {
    for (const text of HOSTILE_TEXTS) {
      expect(importOfficialText(text.slice(0, 200_000)).title.length).toBeLessThanOrEqual(200_000);
    }
  });
});
