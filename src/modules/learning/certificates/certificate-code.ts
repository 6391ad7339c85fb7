import crypto from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper is not mistaken. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 16;
export const CODE_PATTERN = `^[${ALPHABET}]{${CODE_LENGTH}}$`;

function base32(bytes: Buffer, length: number): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

/** The public verification code: 80 random bits, 16 characters; unguessable, so the verify page can be public. */
export function newCertificateCode(): string {
  return base32(crypto.randomBytes(10), CODE_LENGTH);
}

/** A typed code: case and the look-alikes Crockford allows (O→0, I/L→1) folded; null when it cannot be a code. */
export function normalizeCode(input: string): string | null {
  const code = input.trim().toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
  return new RegExp(CODE_PATTERN).test(code) ? code : null;
}

/**
 * The institution's letters on its certificate numbers: four letters from a hash of its id (stable, needs no
 * configuration). They only make numbers easier to tell apart; a number is unique per institution and year.
 */
export function institutionLetters(institutionId: string): string {
  const digest = crypto.createHash('sha256').update(institutionId).digest();
  return Array.from(digest.subarray(0, 4), (b) => String.fromCharCode(65 + (b % 26))).join('');
}

/** `QXKM-2026-000123`. */
export function certificateNumber(institutionId: string, year: number, serial: number): string {
  return `${institutionLetters(institutionId)}-${year}-${String(serial).padStart(6, '0')}`;
}
