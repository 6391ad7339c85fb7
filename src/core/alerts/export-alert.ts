import type { CoreContext } from '../context.js';
import type { RequestContext } from '../access/actor.js';
import { recordAudit } from '../audit/audit-log.js';
import { alertRaisedSince, countAuditSince, raiseSecurityAlert } from './raise-alert.js';

export const EXPORT_ACTION = 'personal_data.export';
const HOUR_MS = 3_600_000;

/**
 * Called by every export of people's data (the network's staff list, class rosters): audits the export (L2) and
 * raises `mass_export` when one export holds more rows than the threshold, and `frequent_export` when the caller's
 * exports in the last hour reach the hourly threshold (then once per caller per hour).
 */
export async function noteDataExport(core: CoreContext, ctx: RequestContext, exported: { what: string; id?: string; rows: number }) {
  const now = core.clock.now();
  await recordAudit(core.db, ctx, { action: EXPORT_ACTION, targetType: exported.what, targetId: exported.id ?? null, after: { rows: exported.rows } }, now);
  const { exportRows, exportsPerHour } = core.config.alerts;
  const subject = { type: 'user', id: ctx.actor?.userId ?? null };
  if (exported.rows > exportRows) {
    await raiseSecurityAlert(core, ctx, { kind: 'mass_export', subject, details: { export: exported.what, rows: exported.rows } });
  }
  if (!ctx.actor) return;
  const since = new Date(now.getTime() - HOUR_MS);
  const exports = await countAuditSince(core.db, EXPORT_ACTION, since, ctx.actor.userId);
  if (exports < exportsPerHour) return;
  if (await alertRaisedSince(core.db, 'frequent_export', ctx.actor.userId, since)) return;
  await raiseSecurityAlert(core, ctx, { kind: 'frequent_export', subject, details: { exportsLastHour: exports } });
}
