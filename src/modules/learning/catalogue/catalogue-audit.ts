import type { Kysely, Transaction } from 'kysely';
import type { RequestContext } from '../../../core/access/actor.js';
import { appendAudit, type AuditEvent } from '../../../core/audit/audit-log.js';
import type { Database } from '../../../core/db/schema.js';
import type { LearningDatabase } from '../learning-schema.js';

/** Every staff change of the catalogue goes through the audit log, in the change's transaction. */
export function auditCatalogue(trx: Transaction<LearningDatabase> | Kysely<LearningDatabase>, ctx: RequestContext, event: AuditEvent, now: Date) {
  return appendAudit(trx as unknown as Kysely<Database>, ctx, event, now);
}
