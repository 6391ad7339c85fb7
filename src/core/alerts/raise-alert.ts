import type { Kysely } from 'kysely';
import type { CoreContext } from '../context.js';
import type { Database } from '../db/schema.js';
import type { RequestContext } from '../access/actor.js';
import { recordAudit } from '../audit/audit-log.js';
import { isoWithShanghaiOffset } from '../time.js';
import { deliverAlert, type SecurityAlert, type SecurityAlertKind } from './alert-sink.js';

export const ALERT_ACTION = 'security.alert';

export interface AlertInput {
  kind: SecurityAlertKind;
  subject?: { type: string; id: string | null } | null;
  details: SecurityAlert['details'];
  /** Who the alert is about when the request has no session yet (a login). */
  actor?: { id: string; name: string };
}

/**
 * Records the alert in the audit log (`security.alert`, target type = the alert kind, so later checks can find it)
 * and hands it to the sink. The audit entry is the durable record; the sink is the notification.
 */
export async function raiseSecurityAlert(core: CoreContext, ctx: RequestContext, input: AlertInput): Promise<SecurityAlert> {
  const now = core.clock.now();
  const subject = input.subject ?? null;
  const auditSeq = await recordAudit(core.db, ctx, {
    action: ALERT_ACTION, targetType: input.kind, targetId: subject?.id ?? null,
    actorOverride: input.actor ? { id: input.actor.id, name: input.actor.name } : undefined,
    after: { kind: input.kind, subjectType: subject?.type ?? null, ...input.details },
  }, now);
  const alert: SecurityAlert = {
    kind: input.kind, at: isoWithShanghaiOffset(now), auditSeq,
    actor: input.actor ?? { id: ctx.actor?.userId ?? null, name: ctx.actor?.username ?? null },
    ip: ctx.ip, subject, details: input.details,
  };
  await deliverAlert(alert);
  return alert;
}

/** Whether this kind of alert (about this subject, when given) was raised since `since`: one alert per burst. */
export async function alertRaisedSince(db: Kysely<Database>, kind: SecurityAlertKind, subjectId: string | null, since: Date): Promise<boolean> {
  const row = await db.selectFrom('audit_log').select('seq')
    .where('action', '=', ALERT_ACTION).where('target_type', '=', kind).where('at', '>=', isoWithShanghaiOffset(since))
    .$if(subjectId !== null, (q) => q.where('target_id', '=', subjectId!))
    .limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Audit entries of one action since a moment, optionally by one actor (the counts the triggers compare). */
export async function countAuditSince(db: Kysely<Database>, action: string, since: Date, actorId?: string): Promise<number> {
  const { n } = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', action).where('at', '>=', isoWithShanghaiOffset(since))
    .$if(actorId !== undefined, (q) => q.where('actor_id', '=', actorId!))
    .executeTakeFirstOrThrow();
  return Number(n);
}
