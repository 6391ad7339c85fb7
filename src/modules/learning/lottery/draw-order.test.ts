import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { drawKey, drawOrder, newSeed, seedHashOf, ticketOf } from './draw-order.js';

describe('lottery draw order', () => {
  const seed = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

  it('hashes the seed bytes (not the hex text) with SHA-256', () => {
    expect(seedHashOf(seed)).toBe(crypto.createHash('sha256').update(Buffer.from(seed, 'hex')).digest('hex'));
    expect(seedHashOf(seed)).not.toBe(crypto.createHash('sha256').update(seed).digest('hex'));
    expect(newSeed()).toMatch(/^[0-9a-f]{64}$/);
    expect(newSeed()).not.toBe(newSeed());
  });

  it('numbers tickets A + 6 digits', () => {
    expect(ticketOf(1)).toBe('A000001');
    expect(ticketOf(123456)).toBe('A123456');
    expect(ticketOf(1234567)).toBe('A1234567');
  });

  it('keys tickets with HMAC-SHA256 under the seed (a published vector)', () => {
    // Fixed vector, also given in the README, so other implementations can check themselves against it.
    expect(drawKey(seed, 'A000001')).toBe(crypto.createHmac('sha256', Buffer.from(seed, 'hex')).update('A000001').digest('hex'));
    expect(drawKey(seed, 'A000001')).not.toBe(drawKey(seed, 'A000002'));
  });

  it('orders by priority group first, then by key; is deterministic and independent of input order', () => {
    const entries = Array.from({ length: 40 }, (_, i) => ({ ticket: ticketOf(i + 1), group: (i % 3) + 1 }));
    const a = drawOrder(seed, entries);
    const b = drawOrder(seed, [...entries].reverse());
    expect(a.map((r) => r.entry.ticket)).toEqual(b.map((r) => r.entry.ticket));
    expect(a.map((r) => r.rank)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const groups = a.map((r) => r.entry.group);
    expect(groups).toEqual([...groups].sort((x, y) => x - y));
    for (let i = 1; i < a.length; i++) {
      if (a[i].entry.group === a[i - 1].entry.group) expect(a[i].key > a[i - 1].key).toBe(true);
    }
    // Another seed gives another order (40 entries: a collision of orders is practically impossible).
    const other = drawOrder(newSeed(), entries).map((r) => r.entry.ticket);
    expect(other).not.toEqual(a.map((r) => r.entry.ticket));
  });

  it('refuses a seed that is not 64 lowercase hex characters', () => {
    expect(() => drawOrder('abc', [])).toThrow();
    expect(() => drawOrder(seed.toUpperCase(), [])).toThrow();
  });
});
