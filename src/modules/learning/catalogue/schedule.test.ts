import { describe, expect, it } from 'vitest';
import { checkSchedule, generateSessions, isDate, scheduleLabel, scheduleSummary, shanghaiInstant, MAX_SESSIONS } from './schedule.js';
import { feeLabel, toTenths } from './catalogue-format.js';

describe('class schedules', () => {
  it('meets on the chosen weekdays from the first to the last day, at Shanghai times', () => {
    const sessions = generateSessions({ kind: 'weekly', weekdays: [1], startsOn: '2026-09-01', endsOn: '2026-09-30', startTime: '19:00', endTime: '20:30' });
    // September 2026 starts on a Tuesday: Mondays 7, 14, 21, 28.
    expect(sessions.map((s) => s.startsAt)).toEqual(['07', '14', '21', '28'].map((d) => `2026-09-${d}T11:00:00.000Z`));
    expect(sessions.map((s) => s.seq)).toEqual([1, 2, 3, 4]);
    expect(sessions[0].endsAt).toBe('2026-09-07T12:30:00.000Z');
  });

  it('crosses midnight UTC for morning classes: 08:00 in Shanghai is the day before in UTC', () => {
    expect(shanghaiInstant('2026-09-01', '07:30')).toBe('2026-08-31T23:30:00.000Z');
  });

  it('sorts listed dates and drops repeats', () => {
    const s = { kind: 'dates' as const, dates: ['2026-10-20', '2026-10-06', '2026-10-20'], startTime: '09:00', endTime: '10:00' };
    expect(generateSessions(s).map((x) => x.startsAt.slice(0, 10))).toEqual(['2026-10-06', '2026-10-20']);
    expect(scheduleSummary(s)).toEqual({ startsOn: '2026-10-06', endsOn: '2026-10-20', weekdays: '2' });
  });

  it('names each problem by field', () => {
    const base = { kind: 'weekly' as const, weekdays: [2], startsOn: '2026-09-01', endsOn: '2026-09-30', startTime: '14:00', endTime: '16:00' };
    expect(checkSchedule(base)).toEqual([]);
    expect(checkSchedule({ ...base, startTime: '24:00' })).toEqual([{ field: 'startTime', code: 'time_invalid' }]);
    expect(checkSchedule({ ...base, endTime: '14:00' })).toEqual([{ field: 'endTime', code: 'end_before_start' }]);
    expect(checkSchedule({ ...base, startsOn: '2026-09-31' })).toEqual([{ field: 'startsOn', code: 'date_invalid' }]);
    expect(checkSchedule({ ...base, endsOn: '2026-08-01' })).toEqual([{ field: 'endsOn', code: 'end_before_start' }]);
    expect(checkSchedule({ ...base, weekdays: [] })).toEqual([{ field: 'weekdays', code: 'weekdays_required' }]);
    // Only Tuesday, over a Wednesday-to-Monday week: nothing to attend.
    expect(checkSchedule({ ...base, startsOn: '2026-09-02', endsOn: '2026-09-07' })).toEqual([{ field: 'weekdays', code: 'no_sessions' }]);
    expect(checkSchedule({ ...base, weekdays: [1, 2, 3, 4, 5, 6, 7], endsOn: '2027-12-31' })).toEqual([{ field: 'endsOn', code: 'too_many_sessions' }]);
    const dates = Array.from({ length: MAX_SESSIONS }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
    expect(checkSchedule({ kind: 'dates', dates, startTime: '09:00', endTime: '10:00' })).toEqual([]);
    expect(checkSchedule({ kind: 'dates', dates: [...dates, '2027-01-01'], startTime: '09:00', endTime: '10:00' })).toEqual([{ field: 'dates', code: 'too_many_sessions' }]);
  });

  it('labels the days and times the way residents read them', () => {
    expect(scheduleLabel('zh-CN', '2,4', '14:00', '16:00')).toBe('周二、周四 14:00–16:00');
    expect(scheduleLabel('en', '6', '09:00', '11:00')).toBe('Sat 09:00–11:00');
    expect(isDate('2028-02-29')).toBe(true);
    expect(isDate('2026-02-29')).toBe(false);
  });

  it('shows fees in yuan and keeps decimals in tenths', () => {
    expect(feeLabel('zh-CN', 0)).toBe('免费');
    expect(feeLabel('zh-CN', 12000)).toBe('¥120.00');
    expect(feeLabel('en', 1250)).toBe('¥12.50');
    expect(toTenths(12.5)).toBe(125);
    expect(toTenths(0.3)).toBe(3);
    expect(toTenths(12.25)).toBeNull();
  });
});
