import { AppError } from '../../../core/http/errors.js';
import { formatZhDateTime } from '../../../core/time.js';

/** Full years between a birth date and a day (both YYYY-MM-DD): a birthday on the day counts. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export interface WindowFields {
  returning_opens_at: string | null;
  enrol_opens_at: string;
  enrol_closes_at: string;
}

/** Where `now` falls in a class's enrolment window: 续报 (returning students only) comes before the open window. */
export type WindowPhase = 'before' | 'returning' | 'open' | 'closed';

export function windowPhase(c: WindowFields, nowIso: string): WindowPhase {
  if (nowIso >= c.enrol_closes_at) return 'closed';
  if (nowIso >= c.enrol_opens_at) return 'open';
  if (c.returning_opens_at && nowIso >= c.returning_opens_at) return 'returning';
  return 'before';
}

/** The refusal for a phase that does not let this resident in (returning: only when they are not a returning student). */
export function windowRefusal(c: WindowFields, phase: WindowPhase): AppError {
  if (phase === 'closed') return new AppError(409, 'learning.enrolment.window_closed', { closesAt: formatZhDateTime(c.enrol_closes_at) });
  if (phase === 'returning') return new AppError(409, 'learning.enrolment.returning_only', { opensAt: formatZhDateTime(c.enrol_opens_at) });
  return new AppError(409, 'learning.enrolment.window_not_open', { opensAt: formatZhDateTime(c.returning_opens_at ?? c.enrol_opens_at) });
}

/** The age rule at the class's first day: null when it passes. */
export function ageRefusal(birthDate: string | null, firstDay: string, min: number | null, max: number | null): AppError | null {
  if (min === null && max === null) return null;
  if (!birthDate) return new AppError(409, 'learning.enrolment.age_unknown');
  const age = ageOn(birthDate, firstDay);
  if (min !== null && age < min) return new AppError(409, 'learning.enrolment.age_too_young', { min, age });
  if (max !== null && age > max) return new AppError(409, 'learning.enrolment.age_too_old', { max, age });
  return null;
}
