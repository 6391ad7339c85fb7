import { sql } from 'kysely';
import type { Actor, RequestContext } from '../../../core/access/actor.js';
import { appendAudit } from '../../../core/audit/audit-log.js';
import type { CoreContext } from '../../../core/context.js';
import { runInWriteBatch } from '../../../core/db/write-batcher.js';
import { AppError, notFound } from '../../../core/http/errors.js';
import { notify } from '../../../core/notifications/notify.js';
import { formatZhDateTime } from '../../../core/time.js';
import type { EnrolmentStatus } from '../learning-schema.js';
import { canManageClassEnrolments, coversResident } from './enrolment-policy.js';
import { enrolmentDb, type EnrolmentDatabase } from './enrolment-schema.js';
import { addEvent, lockClass, passSeatOn, releaseQuota, type Trx } from './seat-ledger.js';
import type { Kysely } from 'kysely';

type Role = 'self' | 'proxy' | 'staff';

/** Whether a family member holds a standing, unrevoked authorisation for the resident. */
export async function hasProxyLink(db: Kysely<EnrolmentDatabase> | Trx, proxyUserId: string, residentId: string): Promise<boolean> {
  const row = await db.selectFrom('learning_proxy_links').select('id').where('proxy_user_id', '=', proxyUserId)
    .where('resident_id', '=', residentId).where('revoked_at', 'is', null).limit(1).executeTakeFirst();
  return Boolean(row);
}

/** Who the actor is to this enrolment; 404 for anyone else (a foreign enrolment looks missing). */
async function relation(trx: Trx, actor: Actor, e: { user_id: string; class_id: string }, allowStaff: boolean): Promise<Role> {
  if (e.user_id === actor.userId) return 'self';
  if (actor.permissions.has('learning.enrol.self') && await hasProxyLink(trx, actor.userId, e.user_id)) return 'proxy';
  if (allowStaff) {
    const [cls, user] = await Promise.all([
      trx.selectFrom('learning_classes').select('owner_path').where('id', '=', e.class_id).executeTakeFirstOrThrow(),
      trx.selectFrom('users').select('home_path').where('id', '=', e.user_id).executeTakeFirstOrThrow(),
    ]);
    if (canManageClassEnrolments(actor, cls.owner_path) || (actor.permissions.has('learning.enrolment.manage') && coversResident(actor, user.home_path))) return 'staff';
  }
  throw notFound('learning.enrolment.not_found');
}

async function loadEnrolment(trx: Trx, id: string) {
  const e = await trx.selectFrom('learning_enrolments').select(['id', 'class_id', 'user_id', 'term_id', 'status', 'offer_expires_at'])
    .where('id', '=', id).executeTakeFirst();
  if (!e) throw notFound('learning.enrolment.not_found');
  return e;
}

/**
 * Gives up an enrolment (cancel: any active state; decline: an offer). The quota is released; a released seat goes
 * to the next waitlisted resident in the same transaction.
 */
export async function cancelEnrolment(core: CoreContext, ctx: RequestContext & { actor: Actor }, id: string, kind: 'cancel' | 'decline') {
  const now = core.clock.now();
  const at = now.toISOString();
  await runInWriteBatch(enrolmentDb(core), async (trx) => {
    const peek = await loadEnrolment(trx, id);
    const who = await relation(trx, ctx.actor, peek, kind === 'cancel');
    const cls = await lockClass(trx, peek.class_id);
    if (!cls) throw notFound('learning.enrolment.not_found');
    const e = await loadEnrolment(trx, id); // re-read under the class lock
    const from: EnrolmentStatus[] = kind === 'decline' ? ['offered'] : ['enrolled', 'offered', 'waitlisted'];
    if (!from.includes(e.status)) {
      throw new AppError(409, kind === 'decline' ? 'learning.enrolment.not_offered' : 'learning.enrolment.not_active');
    }
    const r = await trx.updateTable('learning_enrolments')
      .set({ status: 'cancelled', cancelled_at: at, updated_at: at, offer_expires_at: null, version: sql<number>`version + 1` })
      .where('id', '=', id).where('status', '=', e.status).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError(409, 'learning.enrolment.not_active');
    await releaseQuota(trx, e.user_id, e.term_id);
    await addEvent(trx, id, kind === 'decline' ? 'declined' : 'cancelled', ctx.actor.userId, at, who === 'self' ? '' : who);
    if (e.status !== 'waitlisted') await passSeatOn(trx, cls, now);
    if (who !== 'self') {
      await notify(trx, now, { userId: e.user_id, topic: 'learning.enrolment.cancelled', link: '/account/classes', params: { class: cls.title } });
    }
    if (who === 'staff') {
      await appendAudit(trx, ctx, {
        action: 'learning.enrolment.cancel', targetType: 'learning_enrolment', targetId: id,
        before: { status: e.status }, after: { status: 'cancelled' },
      }, now);
    }
    // Alone: a staff cancel locks the audit head, which no PostgreSQL batch may hold while it waits for other rows.
  }, { alone: true });
}

/** Takes an offered seat before its deadline. */
export async function confirmOffer(core: CoreContext, ctx: RequestContext & { actor: Actor }, id: string) {
  const now = core.clock.now();
  const at = now.toISOString();
  await runInWriteBatch(enrolmentDb(core), async (trx) => {
    const e = await loadEnrolment(trx, id);
    await relation(trx, ctx.actor, e, false);
    if (e.status !== 'offered') throw new AppError(409, 'learning.enrolment.not_offered');
    if (e.offer_expires_at && e.offer_expires_at <= at) {
      throw new AppError(409, 'learning.enrolment.offer_expired', { expiresAt: formatZhDateTime(e.offer_expires_at) });
    }
    const r = await trx.updateTable('learning_enrolments')
      .set({ status: 'enrolled', enrolled_at: at, updated_at: at, version: sql<number>`version + 1` })
      .where('id', '=', id).where('status', '=', 'offered').where('offer_expires_at', '>', at).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError(409, 'learning.enrolment.not_offered');
    await addEvent(trx, id, 'confirmed', ctx.actor.userId, at);
    const cls = await trx.selectFrom('learning_classes').select('title').where('id', '=', e.class_id).executeTakeFirstOrThrow();
    await notify(trx, now, { userId: e.user_id, topic: 'learning.enrolment.confirmed', link: '/account/classes', params: { class: cls.title } });
  });
}

/**
 * One expired offer: 'expired', quota released, the seat offered to the next. The conditional update makes it safe
 * when several processes sweep at once: only one of them moves the row. Returns whether this call expired it.
 */
export async function expireOffer(core: CoreContext, id: string): Promise<boolean> {
  const now = core.clock.now();
  const at = now.toISOString();
  return runInWriteBatch(enrolmentDb(core), async (trx) => {
    const peek = await trx.selectFrom('learning_enrolments').select('class_id').where('id', '=', id).executeTakeFirst();
    if (!peek) return false;
    const cls = await lockClass(trx, peek.class_id);
    if (!cls) return false;
    const e = await loadEnrolment(trx, id);
    const r = await trx.updateTable('learning_enrolments').set({ status: 'expired', updated_at: at, version: sql<number>`version + 1` })
      .where('id', '=', id).where('status', '=', 'offered').where('offer_expires_at', '<=', at).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    await releaseQuota(trx, e.user_id, e.term_id);
    await addEvent(trx, id, 'expired', null, at);
    await notify(trx, now, { userId: e.user_id, topic: 'learning.enrolment.expired', link: '/account/classes', params: { class: cls.title } });
    await passSeatOn(trx, cls, now);
    return true;
  });
}

/** Expires every offer past its deadline (oldest first, in batches); returns how many this call expired. */
export async function expireDueOffers(core: CoreContext, batch = 100): Promise<number> {
  const at = core.clock.now().toISOString();
  const due = await enrolmentDb(core).selectFrom('learning_enrolments').select('id')
    .where('status', '=', 'offered').where('offer_expires_at', '<=', at).orderBy('offer_expires_at').limit(batch).execute();
  let expired = 0;
  for (const { id } of due) if (await expireOffer(core, id)) expired++;
  return expired;
}
