import { GIVEN_NAMES, SURNAMES } from '../../../core/seed/demo-names.js';
import { shanghaiDate } from '../items/shanghai-date.js';
import { fitPlan, renderPlan, sayer, subjectReserve, BODY_MAX, BODY_MIN, type Block, type BodyPlan, type Say } from './demo-body.js';
import { pastWorkMoment, viewsFor, type DemoCity, type DemoDoc } from './demo-model.js';
import { GENERIC_MEASURES, NEXT_STEPS, SAFEGUARDS, VENUES } from './demo-phrases.js';
import type { Rng } from './demo-random.js';
import { DEMO_TOPICS } from './demo-topics.js';

/**
 * 作文大全 (residents' essays from the centers' writing contests) and 范文大全 (model texts staff adapt:
 * speeches, proposals, activity plans, reflections), written from the pools below.
 */

export const ESSAY_COUNT = 36;
export const MODEL_COUNT = 34;

const SKILLS = ['智能手机', '书法', '太极拳', '中式面点', '电商直播', '摄影', '剪纸', '葫芦丝', '科学育儿', '电脑打字', '茶艺', '国画'];

const ESSAY_TITLES = ['家门口的课堂', '我在老年学校学{skill}', '{village}的夜校灯光', '六十岁，我学会了{skill}', '一堂难忘的{skill}课',
  '学习让日子亮起来', '从“不会”到“离不开”', '奶奶的{skill}作业本', '在{center}的那些日子', '我们的学习小组', '{skill}教会我的事', '重新做一回学生'];

const ESSAY_SECTIONS: Array<{ title: string; pool: string[] }> = [
  { title: '走进课堂', pool: [
    '{year}年春天，我在村口的宣传栏上看到{center}开设{skill}班的通知，犹豫了好几天，最后还是报了名。',
    '退休以后，我常常觉得日子过得有些空。直到邻居拉着我走进{village}市民学校，生活才有了新的节奏。',
    '我在{town}打工已经{n}年了，从没想过还能重新坐进课堂。那天下班路过{venue}，听见里面传出朗朗的读书声。',
    '女儿给我买了一部新手机，可我除了接电话什么都不会。她说社区有免费的培训班，让我去试一试。',
    '报名那天，服务台的工作人员耐心地帮我填好表格，还告诉我每周二、周四上午上课，离家只有几百步。',
    '教室不大，却收拾得干干净净。黑板上写着一行字：“活到老，学到老。”我在第二排找了个位置坐下，心里既紧张又期待。',
  ] },
  { title: '学习的滋味', pool: [
    '第一次上课，我连{skill}最基本的要领都记不住，回家后就把老师讲的要点一条条抄在本子上，睡前再看一遍。',
    '班上的同学大多比我年轻，刚开始我不好意思开口提问。{teacher}看出了我的顾虑，每次下课都会单独问我哪里没听懂。',
    '手指不听使唤的时候，我也想过放弃。可一想到同学们都在坚持，我又把练习册翻开，一遍不行就练两遍。',
    '{teacher}常说，学东西不怕慢，就怕停。这句话我记在心里，一个学期下来，竟一节课也没落下。',
    '课间休息时，大家会交流练习的心得，谁有了进步，全班都为他鼓掌。这样的氛围让人越学越有劲。',
    '有一次我把作业忘在家里，急得团团转。同桌的老李二话不说，把自己的笔记借给我，还陪我一起复习。',
  ] },
  { title: '身边的变化', pool: [
    '现在，我已经能用手机和外地的孙子视频聊天，还学会了在网上预约挂号，再也不用天不亮就去医院排队。',
    '学到的本领也用到了工作上，今年我通过了初级技能考核，每个月的收入比以前多了几百元。',
    '结业那天，我的作品被挂在中心的展示墙上，老伴特意赶来拍了好几张照片，发到了家里的群里。',
    '我们村跟我一起学习的姐妹越来越多，大家还自发组织了兴趣小组，农闲时聚在文化礼堂一起练习。',
    '过去我总觉得自己年纪大了，学什么都来不及。现在我明白，只要愿意学，什么时候开始都不晚。',
    '家里人说我变得开朗了，话也多了。孙女还把我学{skill}的故事写进了她的作文里。',
  ] },
  { title: '新的期待', pool: [
    '活到老，学到老。我打算下学期再报一门课，继续在家门口的课堂里充实自己。',
    '感谢{center}的老师们，是他们让我明白，学习从来不分年龄，也不分身份。',
    '我希望社区能多开几个班，让更多像我一样的人有机会走进课堂，学点新本事。',
    '如今每到上课的日子，我都会早早出门。路边的树绿了又黄，我的学习笔记也越攒越厚。',
    '明年我想报名当一名学习志愿者，把自己学到的东西教给村里更多的老人。',
  ] },
];

const TEACHERS = ['王老师', '陈老师', '周老师', '吴老师', '徐老师', '林老师'];

const pairs = <T>(list: T[]): T[][] => list.flatMap((_x, i) => (i % 2 === 0 ? [list.slice(i, i + 2)] : []));

function essayPlan(say: Say, rng: Rng): BodyPlan {
  return {
    intro: [],
    sections: ESSAY_SECTIONS.map((s) => ({
      title: s.title,
      blocks: pairs(rng.sample(s.pool, 6)).map((two) => ({ kind: 'p', text: two.map((a) => say(a)).join('') }) as Block),
    })),
    outro: [],
  };
}

const MODEL_KINDS: Array<{ title: string; plan: (say: Say, rng: Rng) => BodyPlan }> = [
  {
    title: '在{year}年全民终身学习活动周启动仪式上的讲话（范文）',
    plan: (say, rng) => {
      const topic = rng.pick(DEMO_TOPICS);
      return {
        intro: ['同志们、朋友们：', say('今天，我们在这里隆重举行{year}年全民终身学习活动周启动仪式。首先，我代表活动组委会，向长期关心支持社区教育事业的各界人士表示衷心的感谢！')],
        sections: [
          { title: '充分认识终身学习的重要意义', blocks: topic.background.map((b) => ({ kind: 'p', text: say(b) })) },
          { title: '突出重点，办好活动周各项活动', blocks: topic.measures.slice(0, 3).map((m) => ({ kind: 'sub', heading: m.heading, text: m.text.map((x) => say(x)).join('') })) },
          { title: '凝聚合力，营造人人学习的浓厚氛围', blocks: rng.sample(SAFEGUARDS, 2).map((g) => ({ kind: 'p', text: say(g.text.join('')) })) },
        ],
        outro: ['同志们，学习成就梦想，学习创造未来。让我们携起手来，共同把学习型城市建设推向新的高度！谢谢大家。'],
        growAt: 1,
      };
    },
  },
  {
    title: '“{theme}”倡议书（范文）',
    plan: (say, rng) => ({
      intro: ['广大居民朋友们：', say('学习是一个人成长进步的阶梯，也是一座城市持续发展的动力。为营造“人人皆学、处处能学、时时可学”的良好氛围，我们向全体居民发出如下倡议：')],
      sections: [
        { title: '做终身学习的践行者', blocks: [{ kind: 'p', text: say('每天挤出半小时读书看报，每年至少参加一门社区课程，在学习中开阔眼界、增长本领。') }, { kind: 'p', text: say('善用市终身学习平台和村（社区）学习点，把碎片时间变成学习时间。') }] },
        { title: '做学习型家庭的建设者', blocks: [{ kind: 'p', text: say('设立家庭读书角，开展亲子共读，让孩子在书香中成长，让长辈在陪伴中学习。') }, { kind: 'p', text: say('家庭成员之间互教互学，年轻人教长辈用手机，长辈给孩子讲家风故事。') }] },
        { title: '做社区学习的志愿者', blocks: rng.sample(NEXT_STEPS, 2).map((x): Block => ({ kind: 'p', text: say(x).replace(/^进一步|^继续|^加强|^深化/, '积极参与，') })).concat([{ kind: 'p', text: say('发挥一技之长，到市民学校、老年学校担任志愿教师，把知识和技能传递给更多的人。') }]) },
      ],
      outro: [say('居民朋友们，让我们从现在做起、从自身做起，共同建设书香{city}、学习{city}！'), say('{city}社区教育委员会办公室')],
    }),
  },
  {
    title: '{activity}活动方案（范文）',
    plan: (say, rng) => {
      const topic = rng.pick(DEMO_TOPICS);
      return {
        intro: [say('为丰富居民的精神文化生活，推进{topic}工作，特制定本方案。')],
        sections: [
          { title: '活动主题', blocks: [{ kind: 'p', text: say('学习点亮生活，奋进新时代。') }] },
          { title: '活动时间和地点', blocks: [{ kind: 'p', text: say('时间：{month}月上旬至中旬。地点：各村（社区）市民学校、镇社区教育中心{venue}。', { venue: rng.pick(VENUES) }) }] },
          { title: '活动内容', blocks: topic.measures.slice(0, 3).map((m) => ({ kind: 'sub', heading: m.heading, text: m.text.map((x) => say(x)).join('') })) },
          { title: '工作要求', blocks: rng.sample(SAFEGUARDS, 3).map((g) => ({ kind: 'num', heading: g.heading, text: say(g.text[0]) })) },
        ],
        outro: [],
        growAt: 2,
      };
    },
  },
  {
    title: '参加{activity}的心得体会（范文）',
    plan: (say, rng) => {
      const topic = rng.pick(DEMO_TOPICS);
      return {
        intro: [say('{month}月，我有幸参加了{center}组织的专题培训。几天的学习时间虽然不长，却让我收获颇丰。现将学习体会汇报如下。')],
        sections: [
          { title: '提高了认识', blocks: topic.background.map((b) => ({ kind: 'p', text: say(b) })) },
          { title: '学到了方法', blocks: topic.measures.map((m) => ({ kind: 'sub', heading: m.heading, text: m.text.map((x) => say(x)).join('') })) },
          { title: '明确了方向', blocks: rng.sample(NEXT_STEPS, 3).map((x) => ({ kind: 'num', text: say(x) })) },
        ],
        outro: [say('今后，我将把学到的知识运用到实际工作中，努力为{town}的社区教育事业贡献自己的力量。')],
        growAt: 1,
      };
    },
  },
];

const THEMES = ['全民阅读 书香家庭', '终身学习 快乐生活', '银龄学习 乐享晚年', '学习新技能 建设新家园'];

export function generateEssaysAndModels(rng: Rng, city: DemoCity): DemoDoc[] {
  const docs: DemoDoc[] = [];
  const used = new Set<string>();
  for (let i = 0; i < ESSAY_COUNT + MODEL_COUNT; i++) {
    const essay = i < ESSAY_COUNT;
    const town = rng.pick(city.towns);
    const village = rng.pick(town.villages);
    const topic = rng.pick(DEMO_TOPICS);
    const publishedAt = pastWorkMoment(rng, city.now, 1, 3 * 365);
    const say = sayer(rng, {
      city: city.name, town: town.name, center: town.center.name, village: village.name, year: Number(shanghaiDate(publishedAt).slice(0, 4)),
      topic: topic.label, skill: rng.pick(SKILLS), teacher: rng.pick(TEACHERS), venue: rng.pick(VENUES), activity: rng.pick(topic.activities), theme: rng.pick(THEMES),
    });
    const model = MODEL_KINDS[i % MODEL_KINDS.length];
    let title = say(essay ? rng.pick(ESSAY_TITLES) : model.title);
    // Two residents may pick the same title; the second gets a subtitle-like suffix as contest pages do.
    for (let k = 2; used.has(title); k++) title = `${title.replace(/（\d+）$/, '')}（${k}）`;
    used.add(title);
    const draft = essay ? essayPlan(say, rng) : model.plan(say, rng);
    // Model texts may be topped up with the subject's sentences; essays stay in the writer's own voice.
    const plan = fitPlan(essay ? draft : { ...draft, reserve: [...(draft.reserve ?? []), ...subjectReserve(topic, say, rng, GENERIC_MEASURES)] }, rng.int(BODY_MIN + 200, BODY_MAX));
    const resident = `${rng.pick(SURNAMES)}${rng.pick(GIVEN_NAMES)}`;
    docs.push({
      id: rng.uuidAt(publishedAt), categoryId: essay ? 'essays' : 'models', kind: 'article', title, summary: null, bodyHtml: renderPlan(plan),
      source: essay ? `${village.name}市民学校` : `${city.name}社区教育指导中心`, author: essay ? resident : null,
      keywords: essay ? '征文,终身学习' : '范文,社区教育', owner: { type: 'institution', id: town.center.id, path: town.center.path },
      createdBy: town.admin, publishedAt, viewCount: viewsFor(rng, publishedAt, city.now),
    });
  }
  return docs;
}
