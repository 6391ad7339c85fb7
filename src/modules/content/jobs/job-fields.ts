import type { FieldError } from '../../../core/http/errors.js';
import { formatZhDateTime } from '../../../core/time.js';

/**
 * The rules of a job posting's fields that a JSON schema cannot say: real calendar dates, salary order,
 * phone numbers inside a free contact line, and which links may be linked. Each rule returns field errors
 * (empty: fine) so a form gets every problem at once.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** YYYY-MM-DD naming a day that exists (2025-02-30 does not). */
export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Today in China Standard Time: a posting "valid until 2026-03-02" is listed through that whole local day. */
export function shanghaiToday(now: Date): string {
  return formatZhDateTime(now).slice(0, 10);
}

export function isExpired(validUntil: string, now: Date): boolean {
  return validUntil < shanghaiToday(now);
}

export function salaryErrors(min: number | null | undefined, max: number | null | undefined): FieldError[] {
  if (min != null && max != null && min > max) {
    return [{ field: 'salaryMax', code: 'order', messageId: 'content.job.salary_order' }];
  }
  return [];
}

export function validUntilErrors(value: string | undefined, now: Date, mustBeCurrent: boolean): FieldError[] {
  if (value === undefined) return [];
  if (!isCalendarDate(value)) return [{ field: 'validUntil', code: 'format', messageId: 'content.job.date_invalid' }];
  if (mustBeCurrent && isExpired(value, now)) return [{ field: 'validUntil', code: 'past', messageId: 'content.job.valid_until_past' }];
  return [];
}

// A run of digits with the separators people type in phone numbers, not glued to Latin letters (e-mail
// names, codes); Chinese text around it is normal (电话0519-86123456).
const PHONE_LIKE_RUN = /(?<![A-Za-z0-9@._+])\+?\d[\d -]*\d(?![A-Za-z0-9@])/g;
const MOBILE = /^(?:\+?86-?)?1[3-9]\d-?\d{4}-?\d{4}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$/;
const SERVICE_LINE = /^[48]00-?\d{3}-?\d{4}$/;
const DATE_LIKE = /^\d{4}-\d{1,2}-\d{1,2}$/;

/**
 * The phone-like numbers in a contact line that are not valid phone numbers: a mainland mobile (11 digits),
 * a landline with its area code (0519-86123456, optionally an extension) or a 400/800 service line.
 * Runs of fewer than 7 digits (house numbers, office hours) and dates are not phone numbers.
 */
export function badPhoneNumbers(contact: string): string[] {
  const bad: string[] = [];
  for (const match of contact.matchAll(PHONE_LIKE_RUN)) {
    const run = match[0].replace(/\s+/g, '');
    if (run.replace(/\D/g, '').length < 7 || DATE_LIKE.test(run)) continue;
    if (!MOBILE.test(run) && !LANDLINE.test(run) && !SERVICE_LINE.test(run)) bad.push(match[0].trim());
  }
  return bad;
}

export function contactErrors(contact: string | undefined): FieldError[] {
  if (contact === undefined) return [];
  const bad = badPhoneNumbers(contact);
  return bad.length > 0 ? [{ field: 'contact', code: 'phone', messageId: 'content.job.contact_phone', params: { value: bad[0] } }] : [];
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * A training link is an http(s) address, a path on this site (/courses/12) or a plain description; any other
 * scheme (javascript:, data:, file:) and protocol-relative `//host` addresses are refused.
 */
export function isAllowedTrainingLink(value: string): boolean {
  const link = value.trim();
  if (/[\u0000-\u001f\u007f]/.test(link) || /^[/\\]{2}/.test(link)) return false;
  if (!SCHEME.test(link)) return true;
  try {
    const url = new URL(link);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Whether a stored training link should be rendered as a link (else it is shown as text). */
export function isNavigableLink(value: string): boolean {
  return /^https?:\/\//i.test(value) || /^\/(?![/\\])/.test(value);
}

export function trainingLinkErrors(value: string | null | undefined): FieldError[] {
  if (value == null || value.trim() === '') return [];
  return isAllowedTrainingLink(value) ? [] : [{ field: 'trainingLink', code: 'scheme', messageId: 'content.job.link_scheme' }];
}
