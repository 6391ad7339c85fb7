import crypto from 'node:crypto';

/**
 * Session QR check-in tokens: `<sessionId>.<step>.<mac>` where step counts 30-second periods since the epoch and
 * mac is an HMAC over (session, step) with a key derived from the server's data key. The teacher's screen shows
 * the current step's token; a token is accepted for its own step and the next one (so at most 60 s after it was
 * shown), which makes a photo passed on to a friend useless within a minute. Nothing is stored per token.
 */
export const CHECKIN_STEP_MS = 30_000;
const MAC_CHARS = 22;
export const CHECKIN_TOKEN_PATTERN = '^[0-9a-f-]{36}\\.[0-9a-z]{1,12}\\.[A-Za-z0-9_-]{22}$';
const TOKEN = new RegExp(CHECKIN_TOKEN_PATTERN);

/** A key of its own for check-in, so a MAC made here is worthless anywhere else the data key is used. */
export function checkinKey(dataKey: Buffer): Buffer {
  return crypto.createHmac('sha256', dataKey).update('learning.checkin.v1').digest();
}

export function checkinStep(now: Date): number {
  return Math.floor(now.getTime() / CHECKIN_STEP_MS);
}

function mac(key: Buffer, sessionId: string, step: number): string {
  return crypto.createHmac('sha256', key).update(`${sessionId}\n${step}`).digest('base64url').slice(0, MAC_CHARS);
}

export function checkinToken(key: Buffer, sessionId: string, now: Date): string {
  const step = checkinStep(now);
  return `${sessionId}.${step.toString(36)}.${mac(key, sessionId, step)}`;
}

export type CheckinTokenCheck = { ok: true; sessionId: string } | { ok: false; reason: 'invalid' | 'expired' };

/** Forged, malformed or from the future → invalid; genuine but older than the previous step → expired. */
export function readCheckinToken(key: Buffer, token: string, now: Date): CheckinTokenCheck {
  if (!TOKEN.test(token)) return { ok: false, reason: 'invalid' };
  const [sessionId, stepText, given] = token.split('.');
  const step = parseInt(stepText, 36);
  if (!Number.isSafeInteger(step)) return { ok: false, reason: 'invalid' };
  const expected = Buffer.from(mac(key, sessionId, step));
  if (!crypto.timingSafeEqual(expected, Buffer.from(given))) return { ok: false, reason: 'invalid' };
  const current = checkinStep(now);
  if (step > current) return { ok: false, reason: 'invalid' };
  if (step < current - 1) return { ok: false, reason: 'expired' };
  return { ok: true, sessionId };
}
