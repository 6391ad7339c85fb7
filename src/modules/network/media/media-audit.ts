import type { Kysely } from 'kysely';
import type { RequestContext } from '../../../core/access/actor.js';
import { appendAudit, type AuditEvent } from '../../../core/audit/audit-log.js';
import type { Database } from '../../../core/db/schema.js';
import type { MediaDatabase } from './media-schema.js';

/** The audit entry of a media write, in the caller's transaction (the typed view differs only in its tables). */
export function auditMedia(trx: Kysely<MediaDatabase>, ctx: RequestContext, event: AuditEvent, now: Date) {
  return appendAudit(trx as unknown as Kysely<Database>, ctx, event, now);
}
