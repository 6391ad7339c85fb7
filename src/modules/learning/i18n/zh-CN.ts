import { enrolmentZhCN } from '../enrolment/i18n/zh-CN.js';
/** The learning module's server messages (problem+json, notifications), zh-CN: the source catalog. */
export const learningZhCN = {
  'learning.class.not_found': '班级不存在。',
  'learning.course.not_found': '课程不存在。',
  'learning.term.not_found': '学期不存在。',
  // --- catalogue (L1a) ---
  'learning.field.date_invalid': '日期无效，请按 2026-09-01 的格式填写。',
  'learning.field.time_invalid': '时间无效，请按 14:00 的格式填写。',
  'learning.field.end_before_start': '结束须晚于开始。',
  'learning.field.one_decimal': '最多保留一位小数。',
  'learning.term.previous_unknown': '上一学期不存在。',
  'learning.term.previous_self': '上一学期不能是本学期。',
  'learning.institution.unknown': '机构不存在或不在您的管理范围内。',
  'learning.course.teacher_invalid': '授课教师须是本机构的教师账号。',
  'learning.course.version_conflict': '课程已被他人修改（当前版本 {current}），请刷新后再保存。',
  'learning.course.status_conflict': '课程当前状态不允许此操作。',
  'learning.course.archived': '课程已归档，不能再开班。',
  'learning.class.course_unknown': '课程不存在或不在您的管理范围内。',
  'learning.class.term_unknown': '学期不存在。',
  'learning.class.weekdays_required': '请选择每周上课的日子。',
  'learning.class.dates_required': '请至少填写一个上课日期。',
  'learning.class.no_sessions': '按此安排没有任何一次课，请检查日期和星期。',
  'learning.class.too_many_sessions': '一个班最多 {max} 次课。',
  'learning.class.seats_below_taken': '名额不能少于已报名人数（{taken}）。',
  'learning.class.age_order': '最低年龄不能大于最高年龄。',
  'learning.class.windows_order': '报名时间须依次为：续报开始 < 报名开始 < 报名截止。',
  'learning.class.closes_after_end': '报名截止不能晚于最后一次课的当天。',
  'learning.class.residency_level': '户籍限制只能选镇（街道）或村（社区）。',
  'learning.class.prerequisite_unknown': '先修课程不存在。',
  'learning.class.version_conflict': '班级已被他人修改（当前版本 {current}），请刷新后再保存。',
  'learning.class.schedule_locked': '已有课次开始上课，不能再修改上课安排（日期、星期和时间）。',
  'learning.class.mode_locked': '该班级已有待摇号的报名申请，不能改为先到先得；请先摇号或由申请人撤回。',
  'learning.institution.has_courses': '该机构仍有 {count} 门课程（含其班级和学员记录），不能删除；请改为撤销（保留历史）。',
  'learning.class.status_conflict': '班级当前状态（{status}）不允许此操作。',
  'learning.class.course_not_published': '课程尚未发布，不能开放报名。',
  'learning.class.cancelled.title': '班级已取消：{title}',
  'learning.class.cancelled.body': '很抱歉，您报名（或候补）的“{title}”已取消，原因：{reason}。名额已退还，不占本学期报名次数。',
  'learning.class.changed.title': '上课安排有变：{title}',
  'learning.class.changed.body': '您报名的“{title}”上课安排已调整：{schedule}，地点：{venue}。请按新安排上课。',
  // --- end catalogue (L1a) ---
  // --- enrolment (L1b) ---
  ...enrolmentZhCN,
  // --- end enrolment (L1b) ---
} as const;

export type LearningMessageId = keyof typeof learningZhCN;
