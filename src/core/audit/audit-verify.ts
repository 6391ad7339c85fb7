import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { entryHash, GENESIS_HASH } from './audit-entry.js';

export interface ChainReport {
  ok: boolean;
  checked: number;
  firstBadSeq: number | null;
  reason: 'hash_mismatch' | 'broken_link' | 'missing_entry' | 'head_mismatch' | null;
}

/** Walks the chain in order: an edited entry fails its hash, a deleted one leaves a gap or a broken link. */
export async function verifyAuditChain(db: Kysely<Database>, batchSize = 2000): Promise<ChainReport> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>=', expectedSeq)
      .orderBy('seq').limit(batchSize).execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.seq !== expectedSeq) return { ok: false, checked, firstBadSeq: expectedSeq, reason: 'missing_entry' };
      if (row.prev_hash !== prevHash) return { ok: false, checked, firstBadSeq: row.seq, reason: 'broken_link' };
      const { hash, ...rest } = row;
      if (entryHash(rest) !== hash) return { ok: false, checked, firstBadSeq: row.seq, reason: 'hash_mismatch' };
      prevHash = hash;
      expectedSeq += 1;
      checked += 1;
    }
  }
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!head || head.last_seq !== expectedSeq - 1 || head.last_hash !== prevHash) {
    // Entries removed from the end leave the head pointing past the last one.
    return { ok: false, checked, firstBadSeq: expectedSeq, reason: 'head_mismatch' };
  }
  return { ok: true, checked, firstBadSeq: null, reason: null };
}
