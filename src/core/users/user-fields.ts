import crypto from 'node:crypto';

/** Login names: letters, digits and . _ - (3–32), stored lower-cased. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,31}$/;
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

export function normalizeUsername(raw: string): string {
  return raw.trim().toLowerCase();
}

export function normalizePhone(raw: string): string {
  return raw.replace(/[\s-]/g, '').replace(/^\+?86/, '');
}

const ALPHABETS = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!@#$%&*?'];

/** A one-time password for a new or reset account: 16 characters, all four classes, from the CSPRNG. */
export function generateOneTimePassword(): string {
  const all = ALPHABETS.join('');
  const chars = ALPHABETS.map((a) => a[crypto.randomInt(a.length)]);
  while (chars.length < 16) chars.push(all[crypto.randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
