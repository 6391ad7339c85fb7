import { shanghaiDate } from '../items/shanghai-date.js';
import { fitPlan, renderPlan, sayer, subjectReserve, BODY_MAX, BODY_MIN, type Block, type BodyPlan, type Say } from './demo-body.js';
import { addDays, pastWorkMoment, viewsFor, type DemoCity, type DemoDoc, type DemoTown } from './demo-model.js';
import { GENERIC_MEASURES, GROUPS, MONTH_TASKS, NEXT_STEPS, REQUIREMENTS, SAFEGUARDS, SEASONS, VENUES } from './demo-phrases.js';
import type { Rng } from './demo-random.js';
import { DEMO_TOPICS, type DemoTopic } from './demo-topics.js';

/**
 * Articles of the demo city: notices (通知公告) of the city and the town centers, and the document library —
 * general reading, work plans, work reports and survey reports of the centers and schools.
 */


export const ARTICLE_COUNTS = { notices: 50, library: 12, 'work-plans': 32, 'work-reports': 32, surveys: 24 } as const;

const chineseDate = (iso: string) => iso.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日');

function noticePlan(say: Say, rng: Rng, topic: DemoTopic): BodyPlan {
  const sessions: Block[] = rng.sample(topic.activities, 2).map((a, i) => ({ kind: 'sub', heading: i === 0 ? say('{activity}') : a, text: say(`第${i + 1}期安排在{venue}，每期{n}个课时，由{center}专兼职教师和特聘讲师授课，名额{n}0人，报满即止。`, { venue: rng.pick(VENUES) }) }));
  return {
    intro: [say('为推动{topic}工作深入开展，满足居民学习需求，{center}定于近期举办{activity}。现将有关事项通知如下：')],
    sections: [
      { title: '时间和地点', blocks: [{ kind: 'p', text: say('时间：{date}起，每周二、周四上午9:00—11:00。地点：{center}{venue}。', { venue: rng.pick(VENUES) }) }] },
      { title: '参加对象', blocks: [{ kind: 'p', text: say(`{town}辖区内有学习意愿的${rng.pick(GROUPS)}，年龄、学历不限，优先安排首次参加的居民。`) }] },
      { title: '活动内容', blocks: sessions },
      { title: '报名方式', blocks: [
        { kind: 'num', text: say('现场报名：携带本人身份证到{center}一楼服务台登记。') },
        { kind: 'num', text: say('电话报名：0519-8{phone}（工作日8:30—17:00）。') },
        { kind: 'num', text: say('村（社区）统一报名：由各村（社区）市民学校汇总名单后报送中心。') },
      ] },
      { title: '注意事项', blocks: rng.sample(REQUIREMENTS, 2).map((r) => ({ kind: 'num', text: say(r) })) },
    ],
    outro: ['特此通知。'],
    growAt: 2,
  };
}

function libraryPlan(say: Say, rng: Rng, topic: DemoTopic): BodyPlan {
  return {
    intro: [say(`本文围绕{topic}整理了居民和基层工作者经常问到的问题，供学习参考。`)],
    sections: [
      { title: `为什么要重视${topic.label}`, blocks: topic.background.map((b) => ({ kind: 'p', text: say(b) })) },
      { title: '目前有哪些主要做法', blocks: topic.measures.map((m) => ({ kind: 'sub', heading: m.heading, text: m.text.map((x) => say(x)).join('') })) },
      { title: '居民可以怎样参与', blocks: rng.sample(topic.activities, 3).map((a) => ({ kind: 'num', heading: a, text: say('可向所在村（社区）市民学校或镇社区教育中心咨询开班时间，也可以在市终身学习平台上在线报名。') })) },
    ],
    outro: [],
    growAt: 1,
  };
}

function workPlan(say: Say, rng: Rng, topic: DemoTopic): BodyPlan {
  const months = rng.sample(MONTH_TASKS, 4);
  return {
    intro: [say('为认真落实{year}年全市社区教育工作要点，结合本单位实际，制定本计划。')],
    sections: [
      { title: '指导思想', blocks: [{ kind: 'p', text: say('坚持以居民需求为导向，以{topic}为重点，整合资源、创新形式，努力办好家门口的教育，不断提高居民的综合素质和生活品质。') }] },
      { title: '工作目标', blocks: topic.goals.map((g) => ({ kind: 'p', text: say(g) })) },
      { title: '主要任务', blocks: topic.measures.map((m) => ({ kind: 'sub', heading: m.heading, text: m.text.map((x) => say(x)).join('') })) },
      { title: '月度安排', blocks: months.map((m) => ({ kind: 'num', text: say(m) })) },
      { title: '保障措施', blocks: rng.sample(SAFEGUARDS, 3).map((g) => ({ kind: 'num', heading: g.heading, text: say(g.text[0]) })) },
    ],
    outro: [],
    growAt: 2,
  };
}

function workReport(say: Say, rng: Rng, topic: DemoTopic): BodyPlan {
  return {
    intro: [say('{year}年，在市教育局和镇党委、政府的领导下，我们围绕{topic}重点工作，扎实推进各项任务落实。现将全年工作总结如下。')],
    sections: [
      { title: '主要工作及成效', blocks: topic.measures.map((m, i) => ({ kind: 'sub', heading: m.heading, text: say(topic.results[i % topic.results.length]) + say(m.text[0]).replace(/^各镇要|^各镇/, '我们') })) },
      { title: '存在的问题', blocks: topic.problems.map((p) => ({ kind: 'num', text: say(p) })) },
      { title: '下一步工作打算', blocks: rng.sample(NEXT_STEPS, 3).map((p) => ({ kind: 'num', text: say(p) })) },
    ],
    outro: [],
    growAt: 0,
  };
}

function survey(say: Say, rng: Rng, topic: DemoTopic, group: string): BodyPlan {
  return {
    intro: [say(`为了解{town}${group}在{topic}方面的学习需求和参与情况，{center}于{date}组织开展了专题调研。`)],
    sections: [
      { title: '调研的基本情况', blocks: [
        { kind: 'p', text: say('本次调研采用问卷调查、入户走访和座谈会相结合的方式，共发放问卷{big}份，回收有效问卷{big}份，走访村（社区）{n}个，召开座谈会{m}场。') },
        { kind: 'p', text: say(`受访的${group}中，{pct}%表示愿意参加社区组织的学习活动，希望学习时间安排在工作日上午或周末。`) },
      ] },
      { title: '调研发现', blocks: [
        { kind: 'sub', heading: '学习需求呈现多样化', text: say(`受访者最希望学习的内容依次为${rng.sample(topic.activities, 3).join('、')}，选择比例均超过三成。`) },
        { kind: 'sub', heading: '参与渠道有待拓宽', text: say('约{pct}%的受访者是通过村（社区）工作人员通知得知学习活动信息的，通过网络获取信息的比例相对较低。') },
        { kind: 'sub', heading: '学习条件有所改善', text: say(topic.results[0]) },
      ] },
      { title: '存在的问题', blocks: topic.problems.map((p) => ({ kind: 'num', text: say(p) })) },
      { title: '对策建议', blocks: topic.measures.slice(0, 3).map((m) => ({ kind: 'num', heading: m.heading, text: say(m.text[0]) })) },
    ],
    outro: [],
    growAt: 1,
  };
}

interface Spec { categoryId: keyof typeof ARTICLE_COUNTS; title: (s: Say, topic: DemoTopic, town: DemoTown, rng: Rng) => string; plan: (s: Say, rng: Rng, topic: DemoTopic, town: DemoTown) => BodyPlan }

const SPECS: Spec[] = [
  {
    categoryId: 'notices',
    title: (s, _topic, town, rng) => s(rng.pick(['关于举办{year}年{season}{activity}的通知', '{center}关于{activity}报名的通知', '关于开展{activity}的通知']), { season: rng.pick(SEASONS), center: town.center.name }),
    plan: (s, rng, topic) => noticePlan(s, rng, topic),
  },
  { categoryId: 'library', title: (s, topic) => s(`${topic.label}知识问答`), plan: (s, rng, topic) => libraryPlan(s, rng, topic) },
  {
    categoryId: 'work-plans',
    title: (s, _topic, town, rng) => s(rng.pick(['{center}{year}年工作计划', '{village}市民学校{year}年{season}学期工作计划', '{town}{year}年{topic}工作计划']), { center: town.center.name, season: rng.pick(SEASONS) }),
    plan: (s, rng, topic) => workPlan(s, rng, topic),
  },
  {
    categoryId: 'work-reports',
    title: (s, _topic, town, rng) => s(rng.pick(['{center}{year}年工作总结', '{town}{year}年{topic}工作总结', '{village}市民学校{year}年度工作总结']), { center: town.center.name }),
    plan: (s, rng, topic) => workReport(s, rng, topic),
  },
  {
    categoryId: 'surveys',
    title: (s, topic, _town, rng) => s(`关于{town}${rng.pick(GROUPS)}${topic.label}需求的调研报告`),
    plan: (s, rng, topic) => survey(s, rng, topic, rng.pick(GROUPS)),
  },
];

export function generateArticles(rng: Rng, city: DemoCity): DemoDoc[] {
  const docs: DemoDoc[] = [];
  for (const spec of SPECS) {
    for (let i = 0; i < ARTICLE_COUNTS[spec.categoryId]; i++) {
      const topic = DEMO_TOPICS[(i + rng.int(0, 2)) % DEMO_TOPICS.length];
      const town = rng.pick(city.towns);
      const village = rng.pick(town.villages);
      const publishedAt = pastWorkMoment(rng, city.now, 1, 3 * 365);
      const year = Number(shanghaiDate(publishedAt).slice(0, 4));
      // Plans are written for the year ahead near its start; reports look back on the year before.
      const planYear = spec.categoryId === 'work-plans' && shanghaiDate(publishedAt).slice(5, 7) >= '11' ? year + 1
        : spec.categoryId === 'work-reports' && shanghaiDate(publishedAt).slice(5, 7) <= '03' ? year - 1 : year;
      const say = sayer(rng, { city: city.name, town: town.name, center: town.center.name, village: village.name, year: planYear,
        topic: topic.label, activity: rng.pick(topic.activities), date: chineseDate(shanghaiDate(addDays(publishedAt, rng.int(5, 20)))) });
      const draft = spec.plan(say, rng, topic, town);
      const plan = fitPlan({ ...draft, reserve: [...(draft.reserve ?? []), ...subjectReserve(topic, say, rng, GENERIC_MEASURES)] }, rng.int(BODY_MIN + 200, BODY_MAX));
      const byCenter = spec.categoryId !== 'library' && rng.chance(0.75);
      docs.push({
        id: rng.uuidAt(publishedAt), categoryId: spec.categoryId, kind: 'article', title: spec.title(say, topic, town, rng),
        summary: null, bodyHtml: renderPlan(plan),
        source: byCenter ? town.center.name : `${city.name}社区教育指导中心`, author: rng.chance(0.5) ? null : `${rng.pick(['沈', '顾', '钱', '陆', '方', '唐'])}${rng.pick(['老师', '主任', '干事'])}`,
        keywords: topic.keywords.slice(0, 3).join(','),
        owner: byCenter ? { type: 'institution', id: town.center.id, path: town.center.path } : { type: 'city', id: city.id, path: city.path },
        createdBy: byCenter ? town.admin : 'editor', publishedAt, viewCount: viewsFor(rng, publishedAt, city.now),
      });
    }
  }
  return docs;
}
