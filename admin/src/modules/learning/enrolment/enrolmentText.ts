import { useCallback } from 'react';
import { interpolate, type Vars } from '../../../core/i18n/interpolate';
import { useLang } from '../../../core/i18n/useT';

/** The enrolment screens' own text (zh-CN first; en typed against it). */
const zh = {
  title: '报名管理', description: '班级花名册、候补名单和名额确认；为不便上网的居民代办报名（须记录本人同意）；登记家属代办授权。',
  tabRoster: '花名册与候补', tabLinks: '家属代办授权', pickClass: '选择班级', pickClassHint: '输入班级名称搜索',
  seats: '名额 {taken}/{seats}', name: '姓名', idNumber: '身份证号', phone: '手机', status: '状态', position: '候补位次',
  source: '来源', actedBy: '经办人', consent: '同意方式', deadline: '确认截止', actions: '操作', cancel: '取消报名',
  cancelConfirm: '取消后名额将自动让给候补第一位。确定取消？', all: '全部', saved: '已办理',
  proxyEnrol: '代办报名', proxyHint: '为不便上网的居民报名，规则和名额限制与网上报名相同。必须记录本人同意的方式。',
  residentIdNumber: '居民身份证号', consentMethod: '同意方式', consentNote: '说明', consentAt: '同意时间', submit: '提交',
  proxyUsername: '代办人账号（家属的用户名或手机号）', addLink: '登记授权', revoke: '撤销', revoked: '已撤销', resident: '居民', proxy: '代办人',
  enrolledResult: '报名成功', waitlistedResult: '名额已满，已进入候补第 {position} 位',
  'status.enrolled': '已报名', 'status.waitlisted': '候补中', 'status.offered': '待确认', 'status.cancelled': '已取消', 'status.expired': '已过期', 'status.completed': '已结业',
  'source.online': '本人网上', 'source.proxy': '代办', 'source.staff': '窗口', 'source.lottery': '摇号',
  'consent.in_person': '本人当面同意', 'consent.phone': '电话确认', 'consent.written': '书面同意', 'consent.video': '视频确认',
};
export type EnrolmentKey = keyof typeof zh;

const en: Record<EnrolmentKey, string> = {
  title: 'Enrolments', description: 'Class rosters, waitlists and offers; enrol residents on their behalf (with their consent recorded); family authorisations.',
  tabRoster: 'Roster and waitlist', tabLinks: 'Family authorisations', pickClass: 'Class', pickClassHint: 'Type to search classes',
  seats: 'Seats {taken}/{seats}', name: 'Name', idNumber: 'ID number', phone: 'Phone', status: 'Status', position: 'Waitlist place',
  source: 'Source', actedBy: 'Done by', consent: 'Consent', deadline: 'Confirm by', actions: 'Actions', cancel: 'Cancel enrolment',
  cancelConfirm: 'The seat goes to the first on the waitlist. Cancel?', all: 'All', saved: 'Done',
  proxyEnrol: 'Enrol on behalf', proxyHint: 'For residents who cannot enrol online; the same rules and limits apply. Record how they consented.',
  residentIdNumber: 'Resident\'s ID number', consentMethod: 'Consent given', consentNote: 'Note', consentAt: 'Consent time', submit: 'Submit',
  proxyUsername: 'Relative\'s account (username or mobile)', addLink: 'Record authorisation', revoke: 'Revoke', revoked: 'Revoked', resident: 'Resident', proxy: 'Relative',
  enrolledResult: 'Enrolled', waitlistedResult: 'Class full: waitlisted at place {position}',
  'status.enrolled': 'Enrolled', 'status.waitlisted': 'Waitlisted', 'status.offered': 'Offered', 'status.cancelled': 'Cancelled', 'status.expired': 'Expired', 'status.completed': 'Completed',
  'source.online': 'Online', 'source.proxy': 'On behalf', 'source.staff': 'Counter', 'source.lottery': 'Lottery',
  'consent.in_person': 'In person', 'consent.phone': 'By phone', 'consent.written': 'In writing', 'consent.video': 'By video',
};

export type EnrolmentT = (key: EnrolmentKey, vars?: Vars) => string;

export function useEnrolmentT(): EnrolmentT {
  const { lang } = useLang();
  return useCallback((key: EnrolmentKey, vars?: Vars) => interpolate((lang === 'en' ? en : zh)[key], vars), [lang]);
}
