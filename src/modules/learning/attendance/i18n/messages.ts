import { registerMessages } from '../../../../core/i18n/i18n.js';
import { attendanceZhCN, type AttendanceMessageId } from './zh-CN.js';
import { attendanceEn } from './en.js';

declare module '../../../../core/i18n/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ModuleMessages extends Record<AttendanceMessageId, true> {}
}

registerMessages(attendanceZhCN, attendanceEn);
