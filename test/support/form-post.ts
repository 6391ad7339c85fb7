import { idNumberCheckChar } from '../../src/core/pii/id-number.js';

/** The content type of a portal form post, and a body in that encoding. */
export const FORM = 'application/x-www-form-urlencoded';
export const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

/** Cookie name → value from a response's Set-Cookie header(s). */
export function cookies(setCookie: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of ([] as string[]).concat((setCookie as string[]) ?? [])) {
    const [pair] = c.split(';');
    const i = pair.indexOf('=');
    out[pair.slice(0, i)] = pair.slice(i + 1);
  }
  return out;
}

/** A checksum-valid ID number for a birth date (YYYY-MM-DD), a 3-digit sequence and a 6-digit area code. */
export function idNumberFor(birth: string, seq: string, area = '321102'): string {
  const body = `${area}${birth.replace(/-/g, '')}${seq}`;
  return body + idNumberCheckChar(body);
}
