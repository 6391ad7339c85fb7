// Password rules (SECURITY.md A2): ASVS 6.2 for everyone, plus 等保 复杂度 (3 of 4 classes) for staff only.
// The staff class rule contradicts ASVS 6.2.5 and is a documented deviation in docs/security-decisions.md.
import { commonPasswords } from './common-passwords.js';

export type PasswordRejection = 'too_short' | 'too_long' | 'too_few_classes' | 'common' | 'contains_personal';

export interface PasswordContext {
  kind: 'staff' | 'resident';
  username?: string;
  phone?: string;
  idNumber?: string;
  /** Extra deployment-specific words to forbid, e.g. the city's name. */
  contextWords?: readonly string[];
}

export type PasswordCheck = { ok: true } | { ok: false; reasons: PasswordRejection[] };

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;
const STAFF_MIN_CLASSES = 3;
const MIN_USERNAME_LENGTH_TO_CHECK = 4;
const ID_NUMBER_WINDOW = 6;

/** Words tied to this platform (ASVS 6.2.11). Compared after lowercasing and dropping separators. */
export const PLATFORM_CONTEXT_WORDS = ['learningcity', 'learning-city', '学习型城市', '社区教育'] as const;

/**
 * Checks a candidate password; every failed rule is reported. The password itself is only read:
 * length counts Unicode code points, and nothing is trimmed, truncated or case-folded.
 */
export function checkPassword(password: string, ctx: PasswordContext): PasswordCheck {
  const reasons: PasswordRejection[] = [];
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) reasons.push('too_short');
  if (length > MAX_PASSWORD_LENGTH) reasons.push('too_long');
  if (ctx.kind === 'staff' && characterClassCount(password) < STAFF_MIN_CLASSES) reasons.push('too_few_classes');
  if (isCommon(password, ctx.contextWords ?? [])) reasons.push('common');
  if (containsPersonalData(password, ctx)) reasons.push('contains_personal');
  return reasons.length === 0 ? { ok: true } : { ok: false, reasons };
}

/** Lowercase, uppercase, digit, anything else (symbols, spaces, CJK); Unicode-aware. */
function characterClassCount(password: string): number {
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u];
  return classes.filter((pattern) => pattern.test(password)).length;
}

function isCommon(password: string, extraWords: readonly string[]): boolean {
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower)) return true;
  const compact = withoutSeparators(lower);
  return [...PLATFORM_CONTEXT_WORDS, ...extraWords].some((word) => {
    const needle = withoutSeparators(word.toLowerCase());
    return needle.length > 0 && compact.includes(needle);
  });
}

function containsPersonalData(password: string, ctx: PasswordContext): boolean {
  const lower = password.toLowerCase();
  const compact = withoutSeparators(lower);

  const username = ctx.username?.trim().toLowerCase() ?? '';
  if ([...username].length >= MIN_USERNAME_LENGTH_TO_CHECK && lower.includes(username)) return true;

  // Separators are dropped so `138-1234-1234` counts as the phone number too.
  const phoneDigits = (ctx.phone ?? '').replace(/\D/g, '');
  if (phoneDigits.length > 0 && compact.includes(phoneDigits)) return true;

  // Any 6-char window of the ID number: covers the birth date, the address code and the tail.
  const idNumber = (ctx.idNumber ?? '').trim().toLowerCase();
  for (let start = 0; start + ID_NUMBER_WINDOW <= idNumber.length; start++) {
    if (compact.includes(idNumber.slice(start, start + ID_NUMBER_WINDOW))) return true;
  }
  return false;
}

function withoutSeparators(text: string): string {
  return text.replace(/[\s\-_.]/g, '');
}
