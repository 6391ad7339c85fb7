import { describe, expect, it } from 'vitest';
import { agreementState, isCalendarDate, phoneError, shanghaiDate } from './partner-rules.js';

describe('partner rules', () => {
  it('accepts mobiles and landlines, nothing else', () => {
    for (const ok of ['', '13912345678', '0573-86120001', '057386120001', '010-12345678']) expect(phoneError('p', ok), ok).toBeNull();
    for (const bad of ['12345678901', '1391234567', '573-86120001', '+8613912345678', '139 1234 5678', 'abc']) {
      expect(phoneError('p', bad)?.code, bad).toBe('format');
    }
  });

  it('knows real calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
  });

  it('puts an agreement in its state by the day: 60 days left is expiring, 61 is current', () => {
    expect(agreementState('2026-01-01', '2026-05-01', '2026-03-02')).toBe('expiring'); // 60 days
    expect(agreementState('2026-01-01', '2026-05-02', '2026-03-02')).toBe('current'); // 61 days
    expect(agreementState('2026-01-01', '2026-03-02', '2026-03-02')).toBe('expiring'); // last valid day
    expect(agreementState('2026-01-01', '2026-03-01', '2026-03-02')).toBe('expired');
    expect(agreementState('2026-04-01', '2027-03-01', '2026-03-02')).toBe('upcoming');
  });

  it('takes the date in Shanghai, not UTC', () => {
    expect(shanghaiDate(new Date('2026-03-01T16:30:00Z'))).toBe('2026-03-02');
    expect(shanghaiDate(new Date('2026-03-01T15:30:00Z'))).toBe('2026-03-01');
  });
});
