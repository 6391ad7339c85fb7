import { sql } from 'kysely';
import type { RequestContext } from '../../../core/access/actor.js';
import { appendAudit } from '../../../core/audit/audit-log.js';
import type { CoreContext } from '../../../core/context.js';
import { runInWriteBatch } from '../../../core/db/write-batcher.js';
import { AppError, notFound } from '../../../core/http/errors.js';
import { newId } from '../../../core/ids.js';
import { notify } from '../../../core/notifications/notify.js';
import { validateIdNumber } from '../../../core/pii/id-number.js';
import type { ConsentMethod, EnrolmentSource } from '../learning-schema.js';
import { shanghaiDateOf } from '../catalogue/schedule.js';
import { ageRefusal, windowPhase, windowRefusal } from './eligibility.js';
import { enrolmentDb } from './enrolment-schema.js';
import { addEvent, lockClass, takeQuota, takeSeat, takeWaitlistNumber, waitlistPosition, type LockedClass, type Trx } from './seat-ledger.js';

export interface Consent { method: ConsentMethod; note: string; at: string }

export interface EnrolRequest {
  classId: string;
  /** The resident who gets the seat. */
  userId: string;
  source: EnrolmentSource;
  /** Who acted for the resident (代办), null when they enrolled themselves. */
  actedBy: string | null;
  consent: Consent | null;
  /** Staff actions go to the audit log. */
  audited: boolean;
}

export interface EnrolResult { enrolmentId: string; status: 'enrolled' | 'waitlisted'; waitlistPosition?: number }

const ACTIVE = new Set(['enrolled', 'waitlisted', 'offered', 'completed']);

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * First-come enrolment in ONE transaction: class open and window, eligibility, the per-term limit, then a seat or a
 * waitlist number, the enrolment row, its event and the notification. Any refusal throws before the commit, so a
 * refused request writes nothing. The transaction is shared with concurrent enrolments (group commit), this one in
 * a savepoint of its own; the caller hears back only after the COMMIT.
 */
export async function enrol(core: CoreContext, ctx: RequestContext, req: EnrolRequest): Promise<EnrolResult> {
  const now = core.clock.now();
  const at = now.toISOString();
  try {
    // Group commit: concurrent enrolments share one transaction, each in its own savepoint (see write-batcher); the
    // class is the lane key, so on PostgreSQL one class's enrolments take its row lock once per batch. Audited ones
    // (代办) lock the audit head, which no batch may hold while it waits for other rows: they go alone.
    return await runInWriteBatch(enrolmentDb(core), async (trx) => {
      const cls = await lockClass(trx, req.classId, req.userId);
      if (!cls || cls.status === 'draft') throw notFound('learning.class.not_found');
      if (cls.status === 'cancelled') throw new AppError(409, 'learning.enrolment.class_cancelled');
      if (cls.status !== 'open') throw new AppError(409, 'learning.enrolment.class_not_open');
      if (cls.mode !== 'first_come') throw new AppError(409, 'learning.enrolment.lottery_class');

      const existing = cls.mine_id ? { id: cls.mine_id, status: cls.mine_status!, version: cls.mine_version! } : undefined;
      if (existing && ACTIVE.has(existing.status)) throw alreadyError(existing.status);

      const phase = windowPhase(cls, at);
      if (phase !== 'open' && !(phase === 'returning' && await isReturningStudent(trx, cls, req.userId))) throw windowRefusal(cls, phase);
      await checkEligibility(core, trx, cls, req.userId);

      if (!await takeQuota(trx, req.userId, cls.term_id, cls.enrol_limit)) {
        throw new AppError(409, 'learning.enrolment.limit_reached', { limit: cls.enrol_limit });
      }
      // The locked row says whether a seat is free, so a full class skips the update that could not succeed.
      const seated = cls.seats_taken < cls.seats && await takeSeat(trx, cls.id);
      const seq = seated ? null : await takeWaitlistNumber(trx, cls.id);
      const status = seated ? 'enrolled' as const : 'waitlisted' as const;
      const fields = {
        status, waitlist_seq: seq, offered_at: null, offer_expires_at: null, enrolled_at: seated ? at : null,
        cancelled_at: null, completed_at: null, source: req.source, acted_by: req.actedBy,
        consent_method: req.consent?.method ?? null, consent_note: req.consent?.note ?? null, consent_at: req.consent?.at ?? null,
        updated_at: at,
      };
      let enrolmentId: string;
      if (existing) {
        // A second try after cancelling keeps the one row per (class, user); the version guards a concurrent re-enrol.
        const r = await trx.updateTable('learning_enrolments').set({ ...fields, version: sql<number>`version + 1` })
          .where('id', '=', existing.id).where('version', '=', existing.version).executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw alreadyError('enrolled');
        enrolmentId = existing.id;
      } else {
        enrolmentId = newId();
        await trx.insertInto('learning_enrolments').values({
          id: enrolmentId, class_id: cls.id, user_id: req.userId, term_id: cls.term_id, version: 1, created_at: at, ...fields,
        }).execute();
      }
      const note = req.consent ? `consent:${req.consent.method}` : '';
      await addEvent(trx, enrolmentId, status, req.actedBy ?? req.userId, at, note);
      const position = seq === null ? undefined : await waitlistPosition(trx, cls.id, seq);
      await notify(trx, now, {
        userId: req.userId, topic: `learning.enrolment.${status}`, link: '/account/classes',
        params: position === undefined ? { class: cls.title } : { class: cls.title, position },
      });
      if (req.audited) {
        await appendAudit(trx, ctx, {
          action: 'learning.enrolment.proxy', targetType: 'learning_enrolment', targetId: enrolmentId,
          after: { classId: cls.id, userId: req.userId, status, source: req.source, consentMethod: req.consent?.method ?? null },
        }, now);
      }
      return position === undefined ? { enrolmentId, status } : { enrolmentId, status, waitlistPosition: position };
    }, { key: req.classId, alone: req.audited });
  } catch (error) {
    // Two requests of the same resident raced past the first check: the unique (class, user) key stops the second.
    if (isUniqueViolation(error)) throw alreadyError('enrolled');
    throw error;
  }
}

function alreadyError(status: string): AppError {
  const id = status === 'waitlisted' ? 'learning.enrolment.already_waitlisted'
    : status === 'offered' ? 'learning.enrolment.already_offered'
      : status === 'completed' ? 'learning.enrolment.already_completed' : 'learning.enrolment.already_enrolled';
  return new AppError(409, id);
}

/** 续报: enrolled or completed in a class of the same course in the term before. */
async function isReturningStudent(trx: Trx, cls: LockedClass, userId: string): Promise<boolean> {
  if (!cls.previous_term_id) return false;
  const row = await trx.selectFrom('learning_enrolments')
    .innerJoin('learning_classes', 'learning_classes.id', 'learning_enrolments.class_id')
    .select('learning_enrolments.id')
    .where('learning_enrolments.user_id', '=', userId)
    .where('learning_enrolments.term_id', '=', cls.previous_term_id)
    .where('learning_classes.course_id', '=', cls.course_id)
    .where('learning_enrolments.status', 'in', ['enrolled', 'completed'])
    .limit(1).executeTakeFirst();
  return Boolean(row);
}

/** Age at the first session (from the birth date, or the ID number), residency under the region, prerequisite done. */
async function checkEligibility(core: CoreContext, trx: Trx, cls: LockedClass, userId: string) {
  if (cls.age_min === null && cls.age_max === null && !cls.residency_region_id && !cls.prerequisite_course_id) return;
  const user = await trx.selectFrom('users').select(['birth_date', 'id_number_enc', 'home_path'])
    .where('id', '=', userId).executeTakeFirstOrThrow();
  if (cls.age_min !== null || cls.age_max !== null) {
    const first = await trx.selectFrom('learning_class_sessions').select((eb) => eb.fn.min('starts_at').as('first'))
      .where('class_id', '=', cls.id).where('status', '=', 'scheduled').executeTakeFirst();
    const firstDay = first?.first ? shanghaiDateOf(String(first.first)) : cls.starts_on;
    const refusal = ageRefusal(birthDateOf(core, user), firstDay, cls.age_min, cls.age_max);
    if (refusal) throw refusal;
  }
  if (cls.residency_region_id) {
    const region = await trx.selectFrom('regions').select(['name', 'path']).where('id', '=', cls.residency_region_id).executeTakeFirstOrThrow();
    if (!user.home_path.startsWith(region.path)) throw new AppError(409, 'learning.enrolment.residency', { region: region.name });
  }
  if (cls.prerequisite_course_id) {
    const done = await trx.selectFrom('learning_enrolments')
      .innerJoin('learning_classes', 'learning_classes.id', 'learning_enrolments.class_id')
      .select('learning_enrolments.id')
      .where('learning_enrolments.user_id', '=', userId).where('learning_enrolments.status', '=', 'completed')
      .where('learning_classes.course_id', '=', cls.prerequisite_course_id).limit(1).executeTakeFirst();
    if (!done) {
      const course = await trx.selectFrom('learning_courses').select('title').where('id', '=', cls.prerequisite_course_id).executeTakeFirstOrThrow();
      throw new AppError(409, 'learning.enrolment.prerequisite', { course: course.title });
    }
  }
}

function birthDateOf(core: CoreContext, user: { birth_date: string | null; id_number_enc: string | null }): string | null {
  if (user.birth_date) return user.birth_date;
  if (!user.id_number_enc) return null;
  const id = validateIdNumber(core.fieldCrypto.decrypt(user.id_number_enc), core.clock.now());
  return id.ok ? id.birthDate : null;
}
