import crypto from 'node:crypto';
import type { AuditLogTable } from '../db/schema.js';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields that the chain hash covers, in a fixed order; changing any of them breaks the chain. */
export function entryHash(entry: Omit<AuditLogTable, 'hash'>): string {
  const canonical = JSON.stringify([
    entry.seq, entry.at, entry.actor_id, entry.actor_name, entry.actor_role, entry.actor_scope, entry.action,
    entry.target_type, entry.target_id, entry.outcome, entry.before_json, entry.after_json, entry.ip,
    entry.request_id, entry.prev_hash,
  ]);
  return crypto.createHash('sha256').update(canonical).digest('hex');
}
