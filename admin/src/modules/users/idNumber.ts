// Chinese citizen ID number (公民身份号码, GB 11643-1999), checked in the browser for immediate feedback.
// The server validates again and stays authoritative (it also knows whether the number is taken).

/** Weights of the 17 body digits, left to right. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character indexed by (weighted sum mod 11). */
const CHECK_CHARS = '10X98765432';
const FULL_PATTERN = /^\d{17}[\dX]$/;
const EARLIEST_BIRTH_DATE = '19000101';

/** The reasons the server gives too (`format`, `birth_date`, `checksum`), plus its `taken`. */
export type IdNumberProblem = 'format' | 'birth_date' | 'checksum';

/** What the user typed, as it is sent: no spaces, `x` as `X`. */
export function normalizeIdNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/** The check character for a 17-digit body. */
export function idNumberCheckChar(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (body17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

function isRealDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

function todayCompact(today: Date): string {
  const y = String(today.getFullYear()).padStart(4, '0');
  const m = String(today.getMonth() + 1).padStart(2, '0');
  const d = String(today.getDate()).padStart(2, '0');
  return `${y}${m}${d}`;
}

/** Why a (normalized) ID number is invalid, in the server's order: format, birth date, check digit; null when valid. */
export function idNumberProblem(value: string, today: Date = new Date()): IdNumberProblem | null {
  if (!FULL_PATTERN.test(value)) return 'format';
  const birth = value.slice(6, 14);
  if (!isRealDate(birth) || birth < EARLIEST_BIRTH_DATE || birth > todayCompact(today)) return 'birth_date';
  if (idNumberCheckChar(value.slice(0, 17)) !== value[17]) return 'checksum';
  return null;
}
