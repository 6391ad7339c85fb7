import type { Actor, RequestContext } from '../../../core/access/actor.js';
import { isInScope } from '../../../core/access/scope.js';
import type { CoreContext } from '../../../core/context.js';
import { AppError, invalid } from '../../../core/http/errors.js';
import { auditCatalogue } from '../catalogue/catalogue-audit.js';
import { attendanceDb } from '../attendance/attendance-schema.js';
import { findClassForCompletion } from './completion.js';

export const CERTIFICATE_MANAGE = 'learning.certificate.manage';

/** The class, when the actor manages certificates in its institution's scope (else 404: no hint it exists). */
export async function classForManager(core: CoreContext, actor: Actor, classId: string) {
  const cls = await findClassForCompletion(attendanceDb(core), classId);
  if (!cls || !isInScope(actor, CERTIFICATE_MANAGE, cls.owner_path)) throw new AppError(404, 'learning.completion.class_not_found');
  return cls;
}

/** Pass/fail of a final assessment per enrolment, for classes completed by assessment; a later record replaces it. */
export async function recordAssessments(core: CoreContext, ctx: RequestContext & { actor: Actor }, classId: string,
  items: { enrolmentId: string; passed: boolean }[]) {
  const cls = await classForManager(core, ctx.actor, classId);
  if (cls.completion_rule !== 'assessment') throw new AppError(409, 'learning.completion.not_assessment');
  const now = core.clock.now();
  const at = now.toISOString();
  await attendanceDb(core).transaction().execute(async (trx) => {
    const ids = [...new Set(items.map((i) => i.enrolmentId))];
    const found = ids.length === 0 ? [] : await trx.selectFrom('learning_enrolments').select(['id', 'user_id']).where('class_id', '=', classId)
      .where('status', 'in', ['enrolled', 'completed']).where('id', 'in', ids).execute();
    const userOf = new Map(found.map((e) => [e.id, e.user_id]));
    const bad = items.map((item, i) => ({ item, i })).filter(({ item }) => !userOf.has(item.enrolmentId));
    if (bad.length > 0) throw invalid(bad.map(({ i }) => ({ field: `items.${i}.enrolmentId`, code: 'not_on_roster', messageId: 'learning.attendance.not_on_roster' })));
    const last = new Map(items.map((i) => [i.enrolmentId, i.passed]));
    if (last.size === 0) return;
    for (const [enrolmentId, passed] of last) {
      await trx.insertInto('learning_assessments').values({ enrolment_id: enrolmentId, class_id: classId, user_id: userOf.get(enrolmentId)!,
        passed: passed ? 1 : 0, recorded_by: ctx.actor.userId, recorded_at: at })
        .onConflict((oc) => oc.column('enrolment_id').doUpdateSet({ passed: passed ? 1 : 0, recorded_by: ctx.actor.userId, recorded_at: at })).execute();
    }
    await auditCatalogue(trx, ctx, { action: 'learning.assessment.record', targetType: 'learning_class', targetId: classId,
      after: Object.fromEntries([...last].map(([id, p]) => [id, p ? 'pass' : 'fail'])) }, now);
  });
}

/** Revokes a certificate (it stays verifiable, shown as revoked with the date); 409 if revoked already. */
export async function revokeCertificate(core: CoreContext, ctx: RequestContext & { actor: Actor }, id: string, reason: string) {
  const now = core.clock.now();
  const at = now.toISOString();
  const db = attendanceDb(core);
  await db.transaction().execute(async (trx) => {
    const cert = await trx.selectFrom('learning_certificates').select(['id', 'number', 'owner_path', 'revoked_at']).where('id', '=', id).executeTakeFirst();
    if (!cert || !isInScope(ctx.actor, CERTIFICATE_MANAGE, cert.owner_path)) throw new AppError(404, 'learning.certificate.not_found');
    const r = await trx.updateTable('learning_certificates').set({ revoked_at: at, revoke_reason: reason, revoked_by: ctx.actor.userId })
      .where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError(409, 'learning.certificate.already_revoked');
    await auditCatalogue(trx, ctx, { action: 'learning.certificate.revoke', targetType: 'learning_certificate', targetId: id,
      before: { number: cert.number, revokedAt: null }, after: { number: cert.number, revokedAt: at, reason } }, now);
  });
}
