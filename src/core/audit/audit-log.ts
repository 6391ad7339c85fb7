import { type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { dialectOf } from '../db/dialect.js';
import type { Grant, RequestContext } from '../access/actor.js';
import { isoWithShanghaiOffset } from '../time.js';
import { maskRecordForAudit } from '../pii/personal-fields.js';
import { entryHash } from './audit-entry.js';

export interface AuditEvent {
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  outcome?: 'success' | 'failure';
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** For events without a logged-in actor (a failed login): who was named. */
  actorOverride?: { id: string | null; name: string | null; grants?: Grant[] };
}

function describeScope(ctx: RequestContext, override?: Grant[]): { role: string | null; scope: string | null } {
  const grants = override ?? ctx.actor?.grants ?? [];
  if (grants.length === 0) return { role: null, scope: null };
  return {
    role: [...new Set(grants.map((g) => g.role))].join(','),
    // The scope's name at the time of the action, beside its id: names change, the log should not.
    scope: [...new Set(grants.map((g) => `${g.scopeType}:${g.scopeId}${g.scopeName && g.scopeName !== g.scopeId ? ` ${g.scopeName}` : ''}`))].join(','),
  };
}

/**
 * Appends one entry to the hash chain inside the caller's transaction, so the change and its audit
 * entry commit or roll back together. The head row is locked (FOR UPDATE on PostgreSQL; SQLite has one
 * writer) so concurrent appenders chain in order.
 */
export async function appendAudit(trx: Transaction<Database> | Kysely<Database>, ctx: RequestContext,
  event: AuditEvent, now: Date): Promise<number> {
  const pg = dialectOf(trx) === 'postgres';
  const head = await trx.selectFrom('audit_head').selectAll().where('id', '=', 1)
    .$if(pg, (q) => q.forUpdate()).executeTakeFirstOrThrow();
  const { role, scope } = describeScope(ctx, event.actorOverride?.grants);
  const row = {
    seq: head.last_seq + 1,
    at: isoWithShanghaiOffset(now),
    actor_id: event.actorOverride?.id ?? ctx.actor?.userId ?? null,
    actor_name: event.actorOverride?.name ?? ctx.actor?.username ?? null,
    actor_role: role,
    actor_scope: scope,
    action: event.action,
    target_type: event.targetType ?? null,
    target_id: event.targetId ?? null,
    outcome: event.outcome ?? 'success',
    before_json: event.before ? JSON.stringify(maskRecordForAudit(event.before)) : null,
    after_json: event.after ? JSON.stringify(maskRecordForAudit(event.after)) : null,
    ip: ctx.ip,
    request_id: ctx.requestId,
    prev_hash: head.last_hash,
  };
  const hash = entryHash(row);
  await trx.insertInto('audit_log').values({ ...row, hash }).execute();
  await trx.updateTable('audit_head').set({ last_seq: row.seq, last_hash: hash }).where('id', '=', 1).execute();
  return row.seq;
}

/** For events that change nothing else (a failed login): the entry gets its own transaction. */
export async function recordAudit(db: Kysely<Database>, ctx: RequestContext, event: AuditEvent, now: Date) {
  return db.transaction().execute((trx) => appendAudit(trx, ctx, event, now));
}

