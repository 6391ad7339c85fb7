import { useCallback } from 'react';
import { interpolate, type Vars } from '../../../core/i18n/interpolate';
import { useLang } from '../../../core/i18n/useT';

/** The attendance and certificate screens' own text (zh-CN first; en typed against it). */
const zh = {
  title: '考勤与结业', description: '班级考勤表（可更正考勤）、按出勤率或考核结果结业并颁发证书、证书列表与撤销。',
  pickClass: '选择班级', pickClassHint: '输入班级名称搜索', tabSheet: '考勤表', tabCertificates: '证书',
  name: '姓名', rate: '出勤率', attended: '出勤次数', passed: '考核', pass: '合格', fail: '不合格', enrolment: '报名状态',
  held: '已上 {held} 次课', rule: '结业规则', ruleAttendance: '出勤率不低于 {threshold}%', ruleAssessment: '考核合格',
  complete: '结业并颁发证书', completeConfirm: '为达到结业要求的学员办理结业并颁发证书？已结业的不会重复颁发。', completed: '已为 {n} 人办理结业',
  saveAssessments: '保存考核结果', saved: '已保存', number: '证书编号', issuedAt: '颁发时间', status: '状态', valid: '有效',
  revoked: '已撤销', revoke: '撤销', revokeReason: '撤销原因', revokeTitle: '撤销证书 {number}', print: '打印', verify: '查验',
  actions: '操作', noSessions: '暂无课次', markHint: '点选单元格可更正考勤（记入审计日志）',
  'status.present': '出勤', 'status.absent': '缺勤', 'status.late': '迟到', 'status.excused': '请假', 'status.none': '—',
  'enrolment.enrolled': '在读', 'enrolment.completed': '已结业',
};
export type AttendanceKey = keyof typeof zh;

const en: Record<AttendanceKey, string> = {
  title: 'Attendance and completion', description: 'Class attendance sheets (with corrections), completion by attendance or assessment with certificates, certificate list and revocation.',
  pickClass: 'Class', pickClassHint: 'Type to search classes', tabSheet: 'Attendance sheet', tabCertificates: 'Certificates',
  name: 'Name', rate: 'Attendance', attended: 'Attended', passed: 'Assessment', pass: 'Pass', fail: 'Fail', enrolment: 'Enrolment',
  held: '{held} sessions held', rule: 'Completion rule', ruleAttendance: 'Attendance of at least {threshold}%', ruleAssessment: 'Passed assessment',
  complete: 'Complete and issue certificates', completeConfirm: 'Complete the learners who meet the rule and issue their certificates? Nobody gets a second one.', completed: '{n} learners completed',
  saveAssessments: 'Save assessment results', saved: 'Saved', number: 'Number', issuedAt: 'Issued', status: 'Status', valid: 'Valid',
  revoked: 'Revoked', revoke: 'Revoke', revokeReason: 'Reason', revokeTitle: 'Revoke certificate {number}', print: 'Print', verify: 'Verify',
  actions: 'Actions', noSessions: 'No sessions', markHint: 'Pick a cell to correct attendance (recorded in the audit log)',
  'status.present': 'Present', 'status.absent': 'Absent', 'status.late': 'Late', 'status.excused': 'Excused', 'status.none': '—',
  'enrolment.enrolled': 'Enrolled', 'enrolment.completed': 'Completed',
};

export type AttendanceT = (key: AttendanceKey, vars?: Vars) => string;

export function useAttendanceT(): AttendanceT {
  const { lang } = useLang();
  return useCallback((key: AttendanceKey, vars?: Vars) => interpolate((lang === 'en' ? en : zh)[key], vars), [lang]);
}
