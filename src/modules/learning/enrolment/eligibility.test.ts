import { describe, expect, it } from 'vitest';
import { ageOn, ageRefusal, windowPhase } from './eligibility.js';

describe('enrolment eligibility rules', () => {
  it('counts full years, a birthday on the day included', () => {
    expect(ageOn('1960-05-10', '2026-05-09')).toBe(65);
    expect(ageOn('1960-05-10', '2026-05-10')).toBe(66);
    expect(ageOn('1960-02-29', '2026-02-28')).toBe(65);
    expect(ageOn('1960-02-29', '2026-03-01')).toBe(66);
  });

  it('places now in the window: before, 续报, open, closed', () => {
    const c = { returning_opens_at: '2026-03-01T00:00:00.000Z', enrol_opens_at: '2026-03-05T00:00:00.000Z', enrol_closes_at: '2026-03-10T00:00:00.000Z' };
    expect(windowPhase(c, '2026-02-28T23:59:59.999Z')).toBe('before');
    expect(windowPhase(c, '2026-03-01T00:00:00.000Z')).toBe('returning');
    expect(windowPhase(c, '2026-03-05T00:00:00.000Z')).toBe('open');
    expect(windowPhase(c, '2026-03-10T00:00:00.000Z')).toBe('closed');
    expect(windowPhase({ ...c, returning_opens_at: null }, '2026-03-02T00:00:00.000Z')).toBe('before');
  });

  it('refuses by age with the limit and the age in the message parameters', () => {
    expect(ageRefusal(null, '2026-03-01', null, null)).toBeNull();
    expect(ageRefusal(null, '2026-03-01', 60, null)?.messageId).toBe('learning.enrolment.age_unknown');
    expect(ageRefusal('1970-01-01', '2026-03-01', 60, null)).toMatchObject({ messageId: 'learning.enrolment.age_too_young', params: { min: 60, age: 56 } });
    expect(ageRefusal('1940-01-01', '2026-03-01', 50, 80)).toMatchObject({ messageId: 'learning.enrolment.age_too_old', params: { max: 80, age: 86 } });
    expect(ageRefusal('1960-01-01', '2026-03-01', 60, 80)).toBeNull();
  });
});
