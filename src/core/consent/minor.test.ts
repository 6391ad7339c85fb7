import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fakeClock } from '../../../test/support/fake-clock.js';
import { checkRegistrationConsent } from './registration-consent.js';
import { currentNotice } from './privacy-notice.js';

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** Independent of minor.ts: Date.UTC rolls 29 February of a common year over to 1 March, the legal 14th birthday then. */
function fourteenthBirthdayOracle(birth: string): Date {
  const [y, m, d] = birth.split('-').map(Number);
  return new Date(Date.UTC(y + 14, m - 1, d));
}

const birthDates = fc.date({ min: new Date(Date.UTC(1996, 0, 1)), max: new Date(Date.UTC(2016, 11, 31)), noInvalidDate: true }).map(isoDay);
const accepted = { privacyNotice: true, noticeVersion: currentNotice().version };

describe('guardian consent around the 14th birthday (PIPL 28, 31)', () => {
  it('is required exactly on the days before the 14th birthday, China time, by the injected clock', () => {
    const clock = fakeClock();
    fc.assert(fc.property(birthDates, fc.integer({ min: -3, max: 3 }), fc.integer({ min: 0, max: 23 }), (birth, offsetDays, chinaHour) => {
      const day = new Date(fourteenthBirthdayOracle(birth).getTime() + offsetDays * 86_400_000);
      // A moment on that China calendar day: UTC+8, so 00:00 there is 16:00 UTC the day before.
      clock.set(new Date(day.getTime() - 8 * 3_600_000 + chinaHour * 3_600_000).toISOString());
      const { errors } = checkRegistrationConsent(accepted, { idNumberGiven: false, birthDate: birth, now: clock.now() });
      const asked = errors.some((e) => e.field === 'guardian');
      expect(asked).toBe(offsetDays < 0);
    }), { numRuns: 500 });
  });

  it('accepts a complete guardian consent and records until when the account is a minor\'s', () => {
    const now = new Date('2026-03-02T01:00:00.000Z');
    const guardian = { name: '李建国', relation: 'father', phone: '138 0013 8000', consent: true };
    const { errors, plan } = checkRegistrationConsent({ ...accepted, guardian }, { idNumberGiven: false, birthDate: '2016-02-29', now });
    expect(errors).toEqual([]);
    expect(plan!.guardian).toEqual({ name: '李建国', relation: 'father', phone: '13800138000', minorUntil: '2030-03-01' });
  });

  it('names each missing guardian field, and an unticked guardian box is not consent', () => {
    const now = new Date('2026-03-02T01:00:00.000Z');
    const { errors, plan } = checkRegistrationConsent({ ...accepted, guardian: { name: ' ', relation: 'uncle', phone: '12345', consent: false } },
      { idNumberGiven: false, birthDate: '2016-05-01', now });
    expect(plan).toBeNull();
    expect(errors.map((e) => e.field)).toEqual(['guardian', 'guardianName', 'guardianRelation', 'guardianPhone', 'guardianConsent']);
  });

  it('needs the privacy notice box, the version in force, and the separate box when an ID number is given', () => {
    const now = new Date('2026-03-02T01:00:00.000Z');
    const facts = { idNumberGiven: true, birthDate: '1960-01-01', now };
    expect(checkRegistrationConsent({}, facts).errors.map((e) => e.field)).toEqual(['privacyConsent', 'sensitiveConsent']);
    expect(checkRegistrationConsent({ privacyNotice: true, noticeVersion: 0, sensitivePi: true }, facts).errors.map((e) => e.code)).toEqual(['outdated']);
    expect(checkRegistrationConsent({ ...accepted, sensitivePi: true }, facts).plan).toEqual({ noticeVersion: currentNotice().version, sensitivePi: true, guardian: null });
    expect(checkRegistrationConsent({ ...accepted }, { ...facts, idNumberGiven: false }).plan?.sensitivePi).toBe(false);
  });
});
