import { describe, expect, it } from 'vitest';
import { badPhoneNumbers, isAllowedTrainingLink, isCalendarDate, isExpired, isNavigableLink, salaryErrors, shanghaiToday } from './job-fields.js';

describe('job posting field rules', () => {
  it('finds phone-like numbers that are not valid phones, and only those', () => {
    expect(badPhoneNumbers('电话 13905110021')).toEqual([]);
    expect(badPhoneNumbers('手机：139-0511-0021，+86 13905110021')).toEqual([]);
    expect(badPhoneNumbers('座机0519-86123456，分机 0519-86123456-802')).toEqual([]);
    expect(badPhoneNumbers('(区号) 010 62345678 或 400-820-1234 或 8008201234')).toEqual([]);
    expect(badPhoneNumbers('工作时间 9:00-17:00，2026-03-15 前报名，柳泉镇12号')).toEqual([]);
    expect(badPhoneNumbers('hr2024123456@example.com')).toEqual([]);
    expect(badPhoneNumbers('电话 1390511002')).toEqual(['1390511002']);
    expect(badPhoneNumbers('电话 12905110021')).toEqual(['12905110021']);
    expect(badPhoneNumbers('电话 86123456')).toEqual(['86123456']);
    expect(badPhoneNumbers('电话 0519-8612')).toEqual(['0519-8612']);
    expect(badPhoneNumbers('电话 0519-861234')).toEqual(['0519-861234']);
  });

  it('knows real calendar dates and the China-time day', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
    expect(isCalendarDate('2025-1-01')).toBe(false);
    expect(shanghaiToday(new Date('2026-03-01T16:30:00Z'))).toBe('2026-03-02');
    expect(isExpired('2026-03-01', new Date('2026-03-01T15:59:59Z'))).toBe(false);
    expect(isExpired('2026-03-01', new Date('2026-03-01T16:00:00Z'))).toBe(true);
  });

  it('orders salaries', () => {
    expect(salaryErrors(5000, 4000)).toHaveLength(1);
    expect(salaryErrors(5000, 5000)).toEqual([]);
    expect(salaryErrors(null, 4000)).toEqual([]);
    expect(salaryErrors(5000, undefined)).toEqual([]);
  });

  it('allows http(s), site paths and plain descriptions as training links, nothing that runs or leaves by another scheme', () => {
    for (const ok of ['https://example.org/a', 'http://example.org', '/courses/12', '柳泉镇社区教育中心 电工培训班', 'courses/12']) {
      expect(isAllowedTrainingLink(ok), ok).toBe(true);
    }
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', '//evil.example', '\\\\evil', 'java\tscript:x', 'http://', 'vbscript:x']) {
      expect(isAllowedTrainingLink(bad), bad).toBe(false);
    }
    expect(isNavigableLink('/courses/12')).toBe(true);
    expect(isNavigableLink('https://example.org')).toBe(true);
    expect(isNavigableLink('柳泉镇 电工培训班')).toBe(false);
    expect(isNavigableLink('//evil.example')).toBe(false);
  });
});
