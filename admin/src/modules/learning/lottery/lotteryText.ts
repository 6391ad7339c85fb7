import { useCallback } from 'react';
import { interpolate, type Vars } from '../../../core/i18n/interpolate';
import { useLang } from '../../../core/i18n/useT';

/** The lottery screen's own text (zh-CN first; en typed against it). */
const zh = {
  title: '摇号管理', description: '为摇号班级设置优先组并承诺随机种子（报名截止前），查看各优先组申请人数，截止后摇号并查看结果。',
  pickClass: '选择摇号班级', pickClassHint: '输入班级名称搜索（仅列出报名方式为摇号的班级）', notLottery: '该班级的报名方式不是摇号，请先在“课程与班级”中修改。',
  window: '申请时间 {opens} 至 {closes}', seats: '名额 {taken}/{seats}', notSetUp: '尚未设置摇号。保存优先组即生成随机种子并公布其哈希，之后种子不能更改。',
  groups: '优先组（按顺序，未满足任何一条的申请人为最后一组）', addRule: '添加一条', remove: '删除', age: '年龄', save: '保存并承诺种子', saveGroups: '保存优先组',
  seedHash: '种子哈希', committedAt: '承诺时间', seed: '已公开的种子', group: '第 {n} 组', everyoneElse: '其他申请人',
  applied: '待摇号', won: '中签', lost: '候补', withdrawn: '已撤回 {n} 份', draw: '摇号', drawConfirm: '摇号只能进行一次，结果不可更改。确定现在摇号？',
  drawn: '已于 {at} 摇号：{applicants} 人申请，{winners} 人中签，{waitlisted} 人进入候补。', publicPage: '公示页面', saved: '已保存',
  'rule.never_enrolled': '从未报过班', 'rule.resident_of_town': '本镇（街道）居民', 'rule.returning_student': '上学期本课程学员', 'rule.age_at_least': '年满 N 周岁',
};
export type LotteryKey = keyof typeof zh;

const en: Record<LotteryKey, string> = {
  title: 'Lotteries', description: 'Set a lottery class\'s priority groups and commit its random seed (before applications close), follow applications by group, and run the draw after the close.',
  pickClass: 'Lottery class', pickClassHint: 'Type to search (only classes that enrol by lottery)', notLottery: 'This class does not enrol by lottery; change its mode under Courses and classes first.',
  window: 'Applications {opens} to {closes}', seats: 'Seats {taken}/{seats}', notSetUp: 'Not set up. Saving the groups generates the random seed and publishes its hash; the seed cannot change afterwards.',
  groups: 'Priority groups, in order (applicants meeting none form the last group)', addRule: 'Add a rule', remove: 'Remove', age: 'Age', save: 'Save and commit the seed', saveGroups: 'Save groups',
  seedHash: 'Seed hash', committedAt: 'Committed at', seed: 'Revealed seed', group: 'Group {n}', everyoneElse: 'Everyone else',
  applied: 'Pending', won: 'Drawn', lost: 'Waitlist', withdrawn: '{n} withdrawn', draw: 'Run the draw', drawConfirm: 'The draw runs once and cannot be undone. Draw now?',
  drawn: 'Drawn at {at}: {applicants} applicants, {winners} drawn, {waitlisted} waitlisted.', publicPage: 'Public page', saved: 'Saved',
  'rule.never_enrolled': 'Never enrolled', 'rule.resident_of_town': 'Resident of the town', 'rule.returning_student': 'Last term\'s student of the course', 'rule.age_at_least': 'Aged N or over',
};

export type LotteryT = (key: LotteryKey, vars?: Vars) => string;

export function useLotteryT(): LotteryT {
  const { lang } = useLang();
  return useCallback((key: LotteryKey, vars?: Vars) => interpolate((lang === 'en' ? en : zh)[key], vars), [lang]);
}
