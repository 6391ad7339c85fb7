import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkinKey, checkinToken, readCheckinToken } from './checkin-token.js';

const key = checkinKey(crypto.randomBytes(32));
const session = '01930000-0000-7000-8000-000000000001';
const at = (iso: string) => new Date(iso);

describe('check-in tokens', () => {
  it('accepts a token in its own 30 s step and the next, and calls it expired after that', () => {
    const shown = at('2026-03-10T06:00:00.000Z');
    const token = checkinToken(key, session, shown);
    expect(readCheckinToken(key, token, shown)).toEqual({ ok: true, sessionId: session });
    expect(readCheckinToken(key, token, at('2026-03-10T06:00:59.999Z'))).toEqual({ ok: true, sessionId: session });
    expect(readCheckinToken(key, token, at('2026-03-10T06:01:00.000Z'))).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a token for another session, a changed MAC, another key and a step in the future', () => {
    const now = at('2026-03-10T06:00:10.000Z');
    const token = checkinToken(key, session, now);
    const [, step, mac] = token.split('.');
    const other = '01930000-0000-7000-8000-000000000002';
    expect(readCheckinToken(key, `${other}.${step}.${mac}`, now)).toEqual({ ok: false, reason: 'invalid' });
    const flipped = mac.slice(0, -1) + (mac.endsWith('A') ? 'B' : 'A');
    expect(readCheckinToken(key, `${session}.${step}.${flipped}`, now)).toEqual({ ok: false, reason: 'invalid' });
    expect(readCheckinToken(checkinKey(crypto.randomBytes(32)), token, now)).toEqual({ ok: false, reason: 'invalid' });
    const future = checkinToken(key, session, at('2026-03-10T06:05:00.000Z'));
    expect(readCheckinToken(key, future, now)).toEqual({ ok: false, reason: 'invalid' });
    expect(readCheckinToken(key, 'junk', now)).toEqual({ ok: false, reason: 'invalid' });
  });
});
