import crypto from 'node:crypto';

/**
 * The draw, as a pure function of (seed, published applicant list) — version 'hmac-sha256-v1':
 *
 * 1. seed: 32 random bytes, published as 64 lowercase hex characters; the commitment is SHA-256(seed bytes) in hex.
 * 2. every application has a ticket ('A' + its number in the class, zero-padded to 6 digits) and a priority group.
 * 3. key(ticket) = lowercase hex of HMAC-SHA256(key = the 32 seed bytes, message = the ticket's UTF-8 bytes).
 * 4. order: priority group ascending, then key ascending (plain string order of the hex), then ticket ascending.
 * 5. the first (free seats) in that order win; the rest go to the waitlist in that order.
 *
 * Nobody knows the seed until the draw, so neither the ticket numbers nor the time of applying gives an advantage;
 * everyone knows it afterwards, so anyone can recompute the order (the draw page does it in the browser).
 */
export const DRAW_ALGORITHM = 'hmac-sha256-v1';

export interface DrawEntry { ticket: string; group: number }
export interface RankedEntry<E extends DrawEntry> { entry: E; rank: number; key: string }

export function newSeed(): string {
  return crypto.randomBytes(32).toString('hex');
}

export function seedHashOf(seedHex: string): string {
  return crypto.createHash('sha256').update(Buffer.from(seedHex, 'hex')).digest('hex');
}

export function ticketOf(n: number): string {
  return `A${String(n).padStart(6, '0')}`;
}

export function drawKey(seedHex: string, ticket: string): string {
  return crypto.createHmac('sha256', Buffer.from(seedHex, 'hex')).update(ticket, 'utf8').digest('hex');
}

/** The draw order of the entries (rank 1 first). */
export function drawOrder<E extends DrawEntry>(seedHex: string, entries: readonly E[]): RankedEntry<E>[] {
  if (!/^[0-9a-f]{64}$/.test(seedHex)) throw new Error('the seed must be 64 lowercase hex characters');
  const keyed = entries.map((entry) => ({ entry, key: drawKey(seedHex, entry.ticket) }));
  keyed.sort((a, b) => a.entry.group - b.entry.group || cmp(a.key, b.key) || cmp(a.entry.ticket, b.entry.ticket));
  return keyed.map((k, i) => ({ ...k, rank: i + 1 }));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
