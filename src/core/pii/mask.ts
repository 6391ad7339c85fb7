// Server-side masking for display (GB/T 35273 §7.2: de-identify before it leaves the server),
// plus a scanner the tests use to prove that responses carry no unmasked personal data.
import { hasValidIdNumberChecksum, normalizeIdNumber } from './id-number.js';

type Maybe = string | null | undefined;

/** `110105194912310021` → `110***********0021`: the birth date (chars 7–14) is always hidden. */
export function maskIdNumber(value: string): string;
export function maskIdNumber(value: Maybe): string | null;
export function maskIdNumber(value: Maybe): string | null {
  if (value == null) return null;
  const id = normalizeIdNumber(value);
  // Anything that is not 18 chars (e.g. a legacy 15-digit number) has its birth date elsewhere: hide it all.
  if (id.length !== 18) return '*'.repeat(id.length);
  return `${id.slice(0, 3)}${'*'.repeat(11)}${id.slice(14)}`;
}

/** `13812341234` → `138****1234`. Other lengths keep 3 + 4 only when enough stays hidden. */
export function maskPhone(value: string): string;
export function maskPhone(value: Maybe): string | null;
export function maskPhone(value: Maybe): string | null {
  if (value == null) return null;
  const phone = value.trim();
  const chars = [...phone];
  if (chars.length < 10) return '*'.repeat(chars.length);
  return chars.slice(0, 3).join('') + '*'.repeat(chars.length - 7) + chars.slice(-4).join('');
}

/** `张三丰` → `张**`, `张三` → `张*`, `Alice` → `A****`. A one-char name is hidden entirely. */
export function maskName(value: string): string;
export function maskName(value: Maybe): string | null;
export function maskName(value: Maybe): string | null {
  if (value == null) return null;
  // Split by code point so rare CJK characters outside the BMP count as one.
  const chars = [...value.trim()];
  if (chars.length <= 1) return '*'.repeat(chars.length);
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** `zhangsan@example.com` → `z***@example.com`. Fixed-width stars so the local part's length is not leaked. */
export function maskEmail(value: string): string;
export function maskEmail(value: Maybe): string | null;
export function maskEmail(value: Maybe): string | null {
  if (value == null) return null;
  const email = value.trim();
  const at = email.lastIndexOf('@');
  if (at < 0) return email.length === 0 ? '' : '***';
  const local = [...email.slice(0, at)];
  const head = local.length > 1 ? local[0] : '';
  return `${head}***${email.slice(at)}`;
}

/** `1949-12-31` → `1949-**-**`: the year stays for age statistics, the exact day does not. */
export function maskBirthDate(value: string): string;
export function maskBirthDate(value: Maybe): string | null;
export function maskBirthDate(value: Maybe): string | null {
  if (value == null) return null;
  const date = value.trim();
  const match = /^(\d{4})-\d{2}-\d{2}$/.exec(date);
  return match ? `${match[1]}-**-**` : '*'.repeat(date.length);
}

// "Not adjacent to other digits or Latin letters" keeps us from matching inside longer numbers (order ids,
// timestamps) and inside UUIDs and random tokens, whose hex/base64 runs can hold 11 digits in a row.
const ID_NUMBER_CANDIDATE = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;
// An optional +86 / 0086 prefix is allowed so `+8613812341234` is still caught.
const MOBILE_CANDIDATE = /(?<![\dA-Za-z])(?:(?:\+|00)86[- ]?)?(1[3-9]\d{9})(?![\dA-Za-z])/g;

/**
 * Every checksum-valid 18-char ID number and every mainland mobile number in `text`, in order of appearance.
 * Meant for tests and debug assertions over whole response bodies; an empty result means nothing leaked.
 */
export function findUnmaskedPersonalData(text: string): string[] {
  const found: Array<{ index: number; value: string }> = [];
  for (const match of text.matchAll(ID_NUMBER_CANDIDATE)) {
    if (hasValidIdNumberChecksum(normalizeIdNumber(match[0]))) {
      found.push({ index: match.index ?? 0, value: match[0] });
    }
  }
  for (const match of text.matchAll(MOBILE_CANDIDATE)) {
    found.push({ index: match.index ?? 0, value: match[1] });
  }
  return found.sort((a, b) => a.index - b.index).map((hit) => hit.value);
}
