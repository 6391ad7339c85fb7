import { useCallback } from 'react';
import { interpolate, type Vars } from '../../../core/i18n/interpolate';
import { useLang } from '../../../core/i18n/useT';

/** The catalogue screens' own text (zh-CN first; en typed against it), kept beside the screens. */
const zh = {
  title: '课程与班级', description: '学期、课程和各学期开设的班级：时间安排、名额、费用、报名条件和报名时间。',
  tabClasses: '班级', tabCourses: '课程', tabTerms: '学期',
  search: '名称', town: '镇（街道）', term: '学期', status: '状态', category: '类别', institution: '开课机构', teacher: '授课教师',
  actions: '操作', edit: '编辑', details: '详情', create: '新建', createClass: '开设班级', createCourse: '新建课程', createTerm: '新建学期',
  publish: '发布', archive: '归档', open: '开放报名', cancel: '取消班级', cancelReason: '取消原因',
  cancelHint: '取消后，已报名和候补的居民会收到通知，名额和本学期报名次数退还。', confirmOpen: '开放后居民即可在门户看到并报名。',
  stale: '记录已被他人修改，请关闭后重新打开再保存。', saved: '已保存', none: '—', free: '免费',
  // fields
  name: '名称', startsOn: '开始日期', endsOn: '结束日期', enrolLimit: '每人每学期最多报名班数', previousTerm: '上一学期',
  courseTitle: '课程名称', audience: '适合对象', hours: '学时', credits: '学分', courseDescription: '课程介绍', course: '课程',
  classTitle: '班级名称', classTitleHint: '留空则与课程同名', scheduleKind: '上课安排', weekly: '每周固定', dates: '指定日期',
  weekdays: '每周', sessionDates: '上课日期', sessionDatesHint: '输入日期后回车，格式 2026-09-01', startTime: '上课时间', endTime: '下课时间',
  venue: '上课地点', seats: '名额', seatsTaken: '已占名额', fee: '费用（元）', ageMin: '最低年龄', ageMax: '最高年龄',
  residency: '限本地居民', residencyHint: '只选镇（街道）或村（社区）；不选则全市居民均可报名', prerequisite: '先修课程',
  mode: '录取方式', firstCome: '先到先得', lottery: '摇号', returningOpensAt: '老学员续报开始', enrolOpensAt: '报名开始', enrolClosesAt: '报名截止',
  offerHours: '候补确认时限（小时）', completionRule: '结业规则', attendance: '按出勤率', assessment: '按考核', completionThreshold: '出勤率要求（%）',
  schedule: '时间', period: '起止', sessions: '课次', sessionNo: '第 {n} 次', window: '报名时间', eligibility: '报名条件',
  ageRange: '{min}–{max} 岁', anyone: '不限',
  'status.draft': '草稿', 'status.published': '已发布', 'status.archived': '已归档', 'status.open': '报名中', 'status.cancelled': '已取消', 'status.finished': '已结课',
  'cat.science': '科学普及', 'cat.culture_civic': '文化与文明', 'cat.employment': '就业技能', 'cat.income': '增收致富', 'cat.health': '健康养生',
  'cat.arts': '文体艺术', 'cat.digital': '数字技能', 'cat.other': '其他',
  'day.1': '周一', 'day.2': '周二', 'day.3': '周三', 'day.4': '周四', 'day.5': '周五', 'day.6': '周六', 'day.7': '周日',
};
export type CatalogueKey = keyof typeof zh;

const en: Record<CatalogueKey, string> = {
  title: 'Courses and classes', description: 'Terms, courses and the classes of each term: schedule, seats, fee, eligibility and enrolment window.',
  tabClasses: 'Classes', tabCourses: 'Courses', tabTerms: 'Terms',
  search: 'Name', town: 'Town', term: 'Term', status: 'Status', category: 'Category', institution: 'Institution', teacher: 'Teacher',
  actions: 'Actions', edit: 'Edit', details: 'Details', create: 'New', createClass: 'New class', createCourse: 'New course', createTerm: 'New term',
  publish: 'Publish', archive: 'Archive', open: 'Open enrolment', cancel: 'Cancel class', cancelReason: 'Reason',
  cancelHint: 'Enrolled and waitlisted residents are notified; their seats and term quota are given back.', confirmOpen: 'Residents will see the class on the portal and can enrol.',
  stale: 'Someone else changed this record; close and reopen it before saving.', saved: 'Saved', none: '—', free: 'Free',
  name: 'Name', startsOn: 'First day', endsOn: 'Last day', enrolLimit: 'Classes per resident per term', previousTerm: 'Previous term',
  courseTitle: 'Course title', audience: 'For', hours: 'Hours', credits: 'Credits', courseDescription: 'Description', course: 'Course',
  classTitle: 'Class name', classTitleHint: 'Leave empty to use the course title', scheduleKind: 'Schedule', weekly: 'Weekly', dates: 'On dates',
  weekdays: 'Every', sessionDates: 'Session dates', sessionDatesHint: 'Type a date and press Enter, e.g. 2026-09-01', startTime: 'Starts at', endTime: 'Ends at',
  venue: 'Venue', seats: 'Seats', seatsTaken: 'Seats taken', fee: 'Fee (yuan)', ageMin: 'Minimum age', ageMax: 'Maximum age',
  residency: 'Residents of', residencyHint: 'A town or a village; empty: anyone in the city', prerequisite: 'Prerequisite course',
  mode: 'Admission', firstCome: 'First come', lottery: 'Lottery', returningOpensAt: 'Returning students from', enrolOpensAt: 'Enrolment opens', enrolClosesAt: 'Enrolment closes',
  offerHours: 'Hours to confirm an offered seat', completionRule: 'Completion', attendance: 'By attendance', assessment: 'By assessment', completionThreshold: 'Attendance needed (%)',
  schedule: 'Times', period: 'Dates', sessions: 'Sessions', sessionNo: 'Session {n}', window: 'Enrolment', eligibility: 'Eligibility',
  ageRange: 'Ages {min}–{max}', anyone: 'Anyone',
  'status.draft': 'Draft', 'status.published': 'Published', 'status.archived': 'Archived', 'status.open': 'Enrolling', 'status.cancelled': 'Cancelled', 'status.finished': 'Finished',
  'cat.science': 'Science', 'cat.culture_civic': 'Culture and civic life', 'cat.employment': 'Job skills', 'cat.income': 'Earning more', 'cat.health': 'Health',
  'cat.arts': 'Arts and sports', 'cat.digital': 'Digital skills', 'cat.other': 'Other',
  'day.1': 'Mon', 'day.2': 'Tue', 'day.3': 'Wed', 'day.4': 'Thu', 'day.5': 'Fri', 'day.6': 'Sat', 'day.7': 'Sun',
};

export type CatalogueT = (key: CatalogueKey, vars?: Vars) => string;

export function useCatalogueT(): CatalogueT {
  const { lang } = useLang();
  return useCallback((key: CatalogueKey, vars?: Vars) => interpolate((lang === 'en' ? en : zh)[key], vars), [lang]);
}
