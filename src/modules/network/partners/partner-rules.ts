import type { FieldError } from '../../../core/http/errors.js';

/** Mainland mobile (11 digits starting 1[3-9]) or a landline with area code (0xx-xxxxxxx, hyphen optional). */
const PHONE = /^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

export function phoneError(field: string, phone: string): FieldError | null {
  if (phone === '' || PHONE.test(phone)) return null;
  return { field, code: 'format', messageId: 'network.partner.phone_format' };
}

/** A real calendar date 'YYYY-MM-DD' (the schema checks the shape; this catches 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export type AgreementState = 'upcoming' | 'current' | 'expiring' | 'expired';
export const EXPIRING_WITHIN_DAYS = 60;

/**
 * Where an agreement stands on `today` (a Shanghai calendar date): expired after its last valid day, expiring when
 * that day is at most 60 days away, upcoming before it starts, otherwise current.
 */
export function agreementState(validFrom: string, validUntil: string, today: string): AgreementState {
  if (validUntil < today) return 'expired';
  if (validFrom > today) return 'upcoming';
  const daysLeft = Math.round((Date.parse(`${validUntil}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  return daysLeft <= EXPIRING_WITHIN_DAYS ? 'expiring' : 'current';
}

/** The calendar date in China (UTC+8, no daylight saving) of an instant. */
export function shanghaiDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
