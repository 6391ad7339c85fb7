import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../../core/access/actor.js';
import { pathUnder } from '../../../core/access/scope.js';
import type { FieldCrypto } from '../../../core/pii/field-crypto.js';
import { maskIdNumber, maskPhone } from '../../../core/pii/mask.js';
import { notFound } from '../../../core/http/errors.js';
import type { EnrolmentStatus } from '../learning-schema.js';
import { canReadRoster } from './enrolment-policy.js';
import type { EnrolmentDatabase } from './enrolment-schema.js';

type Db = Kysely<EnrolmentDatabase>;

function safeDecrypt(crypto: FieldCrypto, token: string | null): string | null {
  if (!token) return null;
  try { return crypto.decrypt(token); } catch { return null; }
}

/** The class a roster is asked for, when the actor may see it; otherwise 404 (a hidden class looks missing). */
export async function loadRosterClass(db: Db, actor: Actor, classId: string) {
  const cls = await db.selectFrom('learning_classes')
    .select(['id', 'title', 'owner_path', 'teacher_user_id', 'seats', 'seats_taken', 'status', 'institution_id'])
    .where('id', '=', classId).executeTakeFirst();
  if (!cls || !canReadRoster(actor, cls)) throw notFound('learning.class.not_found');
  return cls;
}

/**
 * A class's enrolments for staff: seat holders first, then the waitlist in order (with live positions), then the
 * rest; ID numbers and phones masked.
 */
export async function classRoster(db: Db, crypto: FieldCrypto, classId: string, status: EnrolmentStatus | undefined,
  page: { offset: number; pageSize: number }) {
  const base = db.selectFrom('learning_enrolments as e').where('e.class_id', '=', classId)
    .$if(Boolean(status), (q) => q.where('e.status', '=', status!));
  const [rows, total, counts] = await Promise.all([
    base.innerJoin('users as u', 'u.id', 'e.user_id').leftJoin('users as a', 'a.id', 'e.acted_by')
      .select(['e.id', 'e.user_id', 'e.status', 'e.waitlist_seq', 'e.source', 'e.consent_method', 'e.consent_at',
        'e.enrolled_at', 'e.offer_expires_at', 'e.created_at', 'e.version', 'u.display_name', 'u.real_name', 'u.id_number_enc',
        'u.phone_enc', 'a.display_name as acted_by_name'])
      .orderBy(sql`case e.status when 'enrolled' then 0 when 'offered' then 1 when 'waitlisted' then 2 when 'completed' then 3 else 4 end`)
      .orderBy('e.waitlist_seq').orderBy('e.created_at').orderBy('e.id')
      .offset(page.offset).limit(page.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('learning_enrolments').select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('class_id', '=', classId).groupBy('status').execute(),
  ]);
  const firstWaitSeq = rows.filter((r) => r.status === 'waitlisted').map((r) => r.waitlist_seq!)[0];
  const before = firstWaitSeq === undefined ? 0 : Number((await db.selectFrom('learning_enrolments').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('class_id', '=', classId).where('status', '=', 'waitlisted').where('waitlist_seq', '<', firstWaitSeq).executeTakeFirstOrThrow()).n);
  let position = before;
  const items = rows.map((r) => ({
    id: r.id, userId: r.user_id, name: r.real_name ?? r.display_name, status: r.status,
    idNumber: maskIdNumber(safeDecrypt(crypto, r.id_number_enc)), phone: maskPhone(safeDecrypt(crypto, r.phone_enc)),
    waitlistSeq: r.waitlist_seq, waitlistPosition: r.status === 'waitlisted' ? ++position : null,
    source: r.source, actedByName: r.acted_by_name ?? null, consentMethod: r.consent_method, consentAt: r.consent_at,
    enrolledAt: r.enrolled_at, offerExpiresAt: r.offer_expires_at, createdAt: r.created_at, version: r.version,
  }));
  const byStatus: Record<string, number> = { enrolled: 0, waitlisted: 0, offered: 0, cancelled: 0, expired: 0, completed: 0 };
  for (const c of counts) byStatus[c.status] = Number(c.n);
  return { items, total: Number(total.n), counts: byStatus };
}

/** A resident's own enrolments with the class, queue place, offer deadline, and who acted for them and when. */
export async function myEnrolments(db: Db, userId: string) {
  const rows = await db.selectFrom('learning_enrolments as e')
    .innerJoin('learning_classes as c', 'c.id', 'e.class_id')
    .innerJoin('institutions as i', 'i.id', 'c.institution_id')
    .leftJoin('users as a', 'a.id', 'e.acted_by')
    .select(['e.id', 'e.class_id', 'e.status', 'e.waitlist_seq', 'e.offer_expires_at', 'e.enrolled_at', 'e.cancelled_at',
      'e.source', 'e.acted_by', 'e.consent_method', 'e.consent_at', 'e.created_at', 'e.updated_at', 'c.title as class_title',
      'c.starts_on', 'c.ends_on', 'c.start_time', 'c.end_time', 'c.venue', 'c.status as class_status', 'i.name as institution_name',
      'a.display_name as acted_by_name',
      (eb) => eb.selectFrom('learning_enrolments as w').select((w) => w.fn.countAll<number>().as('n'))
        .whereRef('w.class_id', '=', 'e.class_id').where('w.status', '=', 'waitlisted')
        .whereRef('w.waitlist_seq', '<=', 'e.waitlist_seq').as('position')])
    .where('e.user_id', '=', userId).orderBy('e.created_at', 'desc').execute();
  const ids = rows.map((r) => r.id);
  const events = ids.length === 0 ? [] : await db.selectFrom('learning_enrolment_events as ev')
    .leftJoin('users as u', 'u.id', 'ev.actor_id')
    .select(['ev.enrolment_id', 'ev.event', 'ev.actor_id', 'ev.at', 'u.display_name as actor_name'])
    .where('ev.enrolment_id', 'in', ids).orderBy('ev.at').orderBy('ev.id').execute();
  return rows.map((r) => ({
    id: r.id, classId: r.class_id, classTitle: r.class_title, institutionName: r.institution_name, classStatus: r.class_status,
    startsOn: r.starts_on, endsOn: r.ends_on, startTime: r.start_time, endTime: r.end_time, venue: r.venue,
    status: r.status, waitlistPosition: r.status === 'waitlisted' ? Number(r.position ?? 0) : null,
    offerExpiresAt: r.status === 'offered' ? r.offer_expires_at : null, enrolledAt: r.enrolled_at, cancelledAt: r.cancelled_at,
    source: r.source, actedBy: r.acted_by && r.acted_by !== userId ? { id: r.acted_by, name: r.acted_by_name ?? '' } : null,
    consentMethod: r.consent_method, consentAt: r.consent_at, createdAt: r.created_at,
    events: events.filter((ev) => ev.enrolment_id === r.id).map((ev) => ({
      event: ev.event, at: ev.at,
      actor: ev.actor_id && ev.actor_id !== userId ? { id: ev.actor_id, name: ev.actor_name ?? '' } : null,
    })),
  }));
}
export type MyEnrolment = Awaited<ReturnType<typeof myEnrolments>>[number];

/** Proxy links of residents under the given region paths (for staff), newest first. */
export async function listProxyLinks(db: Db, coverPaths: string[], residentId: string | undefined) {
  if (coverPaths.length === 0) return [];
  const rows = await db.selectFrom('learning_proxy_links as l')
    .innerJoin('users as r', 'r.id', 'l.resident_id').innerJoin('users as p', 'p.id', 'l.proxy_user_id')
    .select(['l.id', 'l.resident_id', 'l.proxy_user_id', 'l.consent_method', 'l.consent_note', 'l.consent_at', 'l.created_at',
      'l.revoked_at', 'r.display_name as resident_name', 'r.home_path', 'p.display_name as proxy_name', 'p.username as proxy_username'])
    .where(pathUnder(sql.ref('r.home_path'), coverPaths))
    .$if(Boolean(residentId), (q) => q.where('l.resident_id', '=', residentId!))
    .orderBy('l.created_at', 'desc').limit(200).execute();
  return rows.map((r) => ({
    id: r.id, residentId: r.resident_id, residentName: r.resident_name, proxyUserId: r.proxy_user_id, proxyName: r.proxy_name,
    proxyUsername: r.proxy_username, consentMethod: r.consent_method, consentNote: r.consent_note, consentAt: r.consent_at,
    createdAt: r.created_at, revokedAt: r.revoked_at,
  }));
}
