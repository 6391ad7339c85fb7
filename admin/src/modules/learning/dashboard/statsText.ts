import { useCallback } from 'react';
import { interpolate, type Vars } from '../../../core/i18n/interpolate';
import { useLang } from '../../../core/i18n/useT';

/** The learning dashboard's own text (zh-CN first; en typed against it), kept beside the screens. */
const zh = {
  title: '学习统计',
  description: '报名、出勤人次、结业率和参与情况，按镇（街道）、年龄段、课程类别和机构统计；只含您管理范围内的班级。',
  cardTitle: '学习概况', cardMore: '查看学习统计',
  term: '学期', town: '镇（街道）', all: '全部', export: '导出 Excel', retry: '重试', none: '—', asOf: '统计日期：{date}',
  classesOpen: '报名中的班级', classesFinished: '已结课的班级', seats: '名额', seatsTaken: '已占名额', enrolled: '在读', offered: '待确认名额',
  waitlisted: '候补', completed: '结业', learners: '学员人数', personTimes: '出勤人次',
  personTimesHint: '出勤人次：每位学员每次课签到（出勤或迟到）计 1 人次。',
  byTown: '各镇（街道）报名人次', byAge: '各年龄段报名人次', byCategory: '各类别报名人次', completion: '各类别结业率（已结课班级）',
  fill: '各镇（街道）名额使用率', participation: '每千名常住人口学员数', byInstitution: '报名人次最多的机构（前 20）',
  enrolments: '报名人次', fillPercent: '名额使用率（%）', completionPercent: '结业率（%）', population: '常住人口', perThousand: '每千人',
  institution: '机构', category: '课程类别', ageGroup: '年龄段', classes: '班级数', finishedEnrolled: '未结业', finishedCompleted: '已结业',
  townSummary: '{town} {count} 人次', percentSummary: '{name} {value}%',
  'age.under30': '30 岁以下', 'age.30_44': '30–44 岁', 'age.45_59': '45–59 岁', 'age.60_69': '60–69 岁', 'age.70plus': '70 岁及以上', 'age.unknown': '未登记',
};
export type StatsKey = keyof typeof zh;

const en: Record<StatsKey, string> = {
  title: 'Learning statistics',
  description: 'Enrolments, attendances, completion and participation by town, age group, category and institution; only classes in your scope.',
  cardTitle: 'Learning at a glance', cardMore: 'Open learning statistics',
  term: 'Term', town: 'Town', all: 'All', export: 'Export Excel', retry: 'Retry', none: '—', asOf: 'As of {date}',
  classesOpen: 'Classes open', classesFinished: 'Classes finished', seats: 'Seats', seatsTaken: 'Seats taken', enrolled: 'Enrolled', offered: 'Seat offered',
  waitlisted: 'Waitlisted', completed: 'Completed', learners: 'Learners', personTimes: 'Attendances',
  personTimesHint: 'Attendances: one per learner per session marked present or late.',
  byTown: 'Enrolments by town', byAge: 'Enrolments by age group', byCategory: 'Enrolments by category', completion: 'Completion rate by category (finished classes)',
  fill: 'Seat fill rate by town', participation: 'Learners per 1,000 residents', byInstitution: 'Institutions with the most enrolments (top 20)',
  enrolments: 'Enrolments', fillPercent: 'Fill rate (%)', completionPercent: 'Completion rate (%)', population: 'Population', perThousand: 'Per 1,000',
  institution: 'Institution', category: 'Category', ageGroup: 'Age group', classes: 'Classes', finishedEnrolled: 'Not completed', finishedCompleted: 'Completed',
  townSummary: '{town} {count}', percentSummary: '{name} {value}%',
  'age.under30': 'Under 30', 'age.30_44': '30–44', 'age.45_59': '45–59', 'age.60_69': '60–69', 'age.70plus': '70 and over', 'age.unknown': 'Not recorded',
};

export type StatsT = (key: StatsKey, vars?: Vars) => string;

export function useStatsT(): StatsT {
  const { lang } = useLang();
  return useCallback((key: StatsKey, vars?: Vars) => interpolate((lang === 'en' ? en : zh)[key], vars), [lang]);
}
