/**
 * Class schedules: validation of the entered dates and times, the sessions they produce, and their labels.
 * The city keeps China Standard Time (UTC+8, no daylight saving), so a local date and time maps to one instant.
 */
export const MAX_SESSIONS = 200;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 86_400_000;

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

export function isTime(value: string): boolean {
  return TIME.test(value);
}

/** The UTC instant of a local (Shanghai) date and time. */
export function shanghaiInstant(date: string, time: string): string {
  return new Date(`${date}T${time}:00.000+08:00`).toISOString();
}

/** The end of a local day (the next midnight), as an instant: "closes on or before the last day". */
export function endOfShanghaiDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00.000+08:00`) + DAY_MS).toISOString();
}

/** YYYY-MM-DD of an instant in Shanghai. */
export function shanghaiDateOf(at: Date | string): string {
  return new Date(new Date(at).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00.000Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export type ScheduleInput =
  | { kind: 'weekly'; weekdays: number[]; startsOn: string; endsOn: string; startTime: string; endTime: string }
  | { kind: 'dates'; dates: string[]; startTime: string; endTime: string };

export interface SessionTimes { seq: number; startsAt: string; endsAt: string }

/** The dates a schedule meets on, in order (weekly: every matching weekday from the first to the last day). */
export function scheduleDates(s: ScheduleInput, limit = MAX_SESSIONS + 1): string[] {
  if (s.kind === 'dates') return [...new Set(s.dates)].sort();
  const days = new Set(s.weekdays);
  const out: string[] = [];
  const end = Date.parse(`${s.endsOn}T00:00:00.000Z`);
  for (let t = Date.parse(`${s.startsOn}T00:00:00.000Z`); t <= end && out.length < limit; t += DAY_MS) {
    const date = new Date(t).toISOString().slice(0, 10);
    if (days.has(isoWeekday(date))) out.push(date);
  }
  return out;
}

export function generateSessions(s: ScheduleInput): SessionTimes[] {
  return scheduleDates(s).map((date, i) => ({ seq: i + 1, startsAt: shanghaiInstant(date, s.startTime), endsAt: shanghaiInstant(date, s.endTime) }));
}

export interface ScheduleProblem { field: string; code: 'date_invalid' | 'time_invalid' | 'end_before_start' | 'weekdays_required' | 'dates_required' | 'no_sessions' | 'too_many_sessions' }

/** Everything wrong with a schedule, by field; empty when it produces 1…MAX_SESSIONS sessions. */
export function checkSchedule(s: ScheduleInput): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  if (!isTime(s.startTime)) problems.push({ field: 'startTime', code: 'time_invalid' });
  if (!isTime(s.endTime)) problems.push({ field: 'endTime', code: 'time_invalid' });
  if (isTime(s.startTime) && isTime(s.endTime) && s.endTime <= s.startTime) problems.push({ field: 'endTime', code: 'end_before_start' });
  if (s.kind === 'weekly') {
    if (s.weekdays.length === 0 || s.weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) problems.push({ field: 'weekdays', code: 'weekdays_required' });
    if (!isDate(s.startsOn)) problems.push({ field: 'startsOn', code: 'date_invalid' });
    if (!isDate(s.endsOn)) problems.push({ field: 'endsOn', code: 'date_invalid' });
    else if (isDate(s.startsOn) && s.endsOn < s.startsOn) problems.push({ field: 'endsOn', code: 'end_before_start' });
  } else {
    if (s.dates.length === 0) problems.push({ field: 'dates', code: 'dates_required' });
    else if (s.dates.some((d) => !isDate(d))) problems.push({ field: 'dates', code: 'date_invalid' });
  }
  if (problems.length > 0) return problems;
  const count = scheduleDates(s).length;
  if (count === 0) problems.push({ field: s.kind === 'weekly' ? 'weekdays' : 'dates', code: 'no_sessions' });
  if (count > MAX_SESSIONS) problems.push({ field: s.kind === 'weekly' ? 'endsOn' : 'dates', code: 'too_many_sessions' });
  return problems;
}

/** The first and last day and the weekdays met (for 'dates' too, so the portal's day-of-week filter is one test). */
export function scheduleSummary(s: ScheduleInput): { startsOn: string; endsOn: string; weekdays: string } {
  const dates = scheduleDates(s);
  const weekdays = s.kind === 'weekly' ? [...new Set(s.weekdays)] : [...new Set(dates.map(isoWeekday))];
  return { startsOn: dates[0] ?? '', endsOn: dates[dates.length - 1] ?? '', weekdays: weekdays.sort((a, b) => a - b).join(',') };
}

export function parseWeekdays(stored: string): number[] {
  return stored.split(',').filter(Boolean).map(Number);
}

const ZH_DAYS = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const EN_DAYS = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** 周二、周四 14:00–16:00 (zh-CN) or Tue, Thu 14:00–16:00 (en). */
export function scheduleLabel(locale: 'zh-CN' | 'en', weekdays: string, startTime: string, endTime: string): string {
  const days = parseWeekdays(weekdays).map((d) => (locale === 'en' ? EN_DAYS[d] : ZH_DAYS[d]));
  return `${days.join(locale === 'en' ? ', ' : '、')} ${startTime}–${endTime}`.trim();
}

export function weekdayName(locale: 'zh-CN' | 'en', day: number): string {
  return locale === 'en' ? EN_DAYS[day] : ZH_DAYS[day];
}
