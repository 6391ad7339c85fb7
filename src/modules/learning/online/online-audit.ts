import type { Kysely } from 'kysely';
import type { RequestContext } from '../../../core/access/actor.js';
import { appendAudit, type AuditEvent } from '../../../core/audit/audit-log.js';
import type { Database } from '../../../core/db/schema.js';
import type { OnlineDb } from './online-repository.js';

/** Every staff change of an online course goes through the audit log, in the change's transaction. */
export function auditOnline(trx: OnlineDb, ctx: RequestContext, event: AuditEvent, now: Date) {
  return appendAudit(trx as unknown as Kysely<Database>, ctx, event, now);
}
