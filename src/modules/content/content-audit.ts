import type { Kysely } from 'kysely';
import type { RequestContext } from '../../core/access/actor.js';
import { appendAudit, type AuditEvent } from '../../core/audit/audit-log.js';
import type { Database } from '../../core/db/schema.js';
import type { ContentDatabase } from './content-schema.js';

/** appendAudit for a transaction typed with the content tables (the audit tables are core's, in the same database). */
export function auditContent(trx: Kysely<ContentDatabase>, ctx: RequestContext, event: AuditEvent, now: Date) {
  return appendAudit(trx as unknown as Kysely<Database>, ctx, event, now);
}
