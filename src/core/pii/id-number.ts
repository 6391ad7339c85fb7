// Chinese citizen ID number (公民身份号码), GB 11643-1999.
// Layout: 6-digit address code + YYYYMMDD birth date + 3-digit sequence (odd = male) + check char.
// The check char is ISO 7064 MOD 11-2; see docs in /work/shared/SECURITY.md §3.

/** Weights 2^(i-1) mod 11 for the 17 body digits, left to right. */
const BODY_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;

/** Check char indexed by (weighted sum mod 11). */
const CHECK_CHARS = '10X98765432';

const BODY_PATTERN = /^\d{17}$/;
const FULL_PATTERN = /^\d{17}[\dX]$/;

/** Earliest birth date we accept; older holders are practically nonexistent (SECURITY.md GUESS). */
const EARLIEST_BIRTH_DATE = '1900-01-01';

export type IdNumberSex = 'male' | 'female';

export type IdNumberValidation =
  | { ok: true; value: string; birthDate: string; sex: IdNumberSex }
  | { ok: false; reason: 'format' | 'birth_date' | 'checksum' };

/** Trim and uppercase so `x` and `X` compare equal. Does not validate. */
export function normalizeIdNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

/** The check character for a 17-digit body. Throws on anything that is not exactly 17 digits. */
export function idNumberCheckChar(body17: string): string {
  if (!BODY_PATTERN.test(body17)) {
    throw new RangeError('ID number body must be exactly 17 digits');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += (body17.charCodeAt(i) - 48) * BODY_WEIGHTS[i];
  }
  return CHECK_CHARS[sum % 11];
}

/** True when an already-normalized 18-char value has a correct check char (format is checked too). */
export function hasValidIdNumberChecksum(normalized: string): boolean {
  if (!FULL_PATTERN.test(normalized)) return false;
  return idNumberCheckChar(normalized.slice(0, 17)) === normalized[17];
}

/** Full validation in the documented order: normalize → format → birth date → checksum. */
export function validateIdNumber(raw: string, today: Date = new Date()): IdNumberValidation {
  const value = normalizeIdNumber(raw);
  // 15-digit first-generation numbers fail here on purpose: those cards expired in 2013.
  if (!FULL_PATTERN.test(value)) return { ok: false, reason: 'format' };

  const birthDate = birthDateOf(value);
  if (birthDate === null || birthDate < EARLIEST_BIRTH_DATE || birthDate > localIsoDate(today)) {
    return { ok: false, reason: 'birth_date' };
  }

  if (!hasValidIdNumberChecksum(value)) return { ok: false, reason: 'checksum' };

  // The 17th char is the last sequence digit; its parity encodes sex.
  const sex: IdNumberSex = (value.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value, birthDate, sex };
}

/** YYYY-MM-DD from chars 7–14, or null when that is not a real calendar date. */
function birthDateOf(value: string): string | null {
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function daysInMonth(year: number, month: number): number {
  // Computed by hand: Date.UTC would silently map years 0–99 onto 1900–1999.
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

/** The caller's calendar date in the server's local time zone (the deployment runs on China time). */
function localIsoDate(date: Date): string {
  const y = String(date.getFullYear()).padStart(4, '0');
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
