import type { CoreContext } from '../context.js';
import type { RequestContext } from '../access/actor.js';
import { raiseSecurityAlert } from './raise-alert.js';

/** Minutes after midnight in China Standard Time (UTC+8 all year, no daylight saving). */
function shanghaiMinuteOfDay(at: Date): number {
  return Math.floor(((at.getTime() + 8 * 3_600_000) % 86_400_000) / 60_000);
}

/** A staff account signing in outside office hours (CST) raises an alert; residents learn at any hour. */
export async function alertOnOffHoursLogin(core: CoreContext, ctx: RequestContext,
  user: { id: string; username: string; kind: 'staff' | 'resident' }, at: Date) {
  if (user.kind !== 'staff') return;
  const { startMinute, endMinute } = core.config.alerts.officeHours;
  const minute = shanghaiMinuteOfDay(at);
  if (minute >= startMinute && minute < endMinute) return;
  const hhmm = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
  await raiseSecurityAlert(core, ctx, {
    kind: 'off_hours_login', actor: { id: user.id, name: user.username }, subject: { type: 'user', id: user.id },
    details: { localTime: hhmm },
  });
}
