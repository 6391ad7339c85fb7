import type { Kysely } from 'kysely';
import { createSession } from '../../../core/auth/sessions.js';
import { newId } from '../../../core/ids.js';
import { newUserRow } from '../../../core/users/new-user-row.js';
import { currentNotice } from '../../../core/consent/privacy-notice.js';
import type { ConsentDatabase } from '../../../core/consent/consent-schema.js';
import type { LearningClassesTable } from '../learning-schema.js';
import type { EnrolmentDatabase } from './enrolment-schema.js';

/**
 * Test rows for enrolment, written straight to the database (the catalogue's commands are tested on their own):
 * a term, a course and a class at a demo town's center, and residents with sessions made without a password
 * hash per login, so a test can sign in hundreds of residents at once.
 */
export interface FixtureApp {
  app: { database: { db: unknown } };
  anonymous(): { cookie: string | null; csrfToken: string | null; username: string | null };
}

export const dbOf = (t: FixtureApp) => t.app.database.db as Kysely<EnrolmentDatabase>;

export async function insertTerm(db: Kysely<EnrolmentDatabase>, fields: { enrolLimit?: number; previousTermId?: string | null; name?: string } = {}) {
  const id = newId();
  await db.insertInto('learning_terms').values({
    id, name: fields.name ?? `测试学期 ${id.slice(-4)}`, starts_on: '2026-03-01', ends_on: '2026-07-31',
    enrol_limit: fields.enrolLimit ?? 3, previous_term_id: fields.previousTermId ?? null, created_at: new Date().toISOString(),
  }).execute();
  return id;
}

export async function centerOfTown(db: Kysely<EnrolmentDatabase>, townId: string) {
  return db.selectFrom('institutions').select(['id', 'path', 'region_id']).where('region_id', '=', townId)
    .where('kind', '=', 'community_education_center').executeTakeFirstOrThrow();
}

export async function insertCourse(db: Kysely<EnrolmentDatabase>, townId: string, title = '智能手机入门') {
  const center = await centerOfTown(db, townId);
  const id = newId();
  const at = new Date().toISOString();
  await db.insertInto('learning_courses').values({
    id, institution_id: center.id, owner_path: center.path, title, category: 'digital', description: '', audience: '',
    hours_tenths: 200, credits_tenths: 10, teacher_user_id: null, status: 'published', version: 1, created_by: null,
    created_at: at, updated_at: at,
  }).execute();
  return id;
}

/** An open first-come class (window open around the fake clock's 2026-03-02 by default). */
export async function insertClass(db: Kysely<EnrolmentDatabase>, fields: { townId: string; termId: string; courseId?: string } & Partial<LearningClassesTable>) {
  const center = await centerOfTown(db, fields.townId);
  const courseId = fields.courseId ?? await insertCourse(db, fields.townId);
  const id = newId();
  const at = new Date().toISOString();
  const { townId, termId, courseId: _course, ...rest } = fields;
  await db.insertInto('learning_classes').values({
    id, course_id: courseId, institution_id: center.id, owner_path: center.path, town_id: townId, term_id: termId,
    title: `测试班 ${id.slice(-4)}`, teacher_user_id: null, schedule_kind: 'weekly', weekdays: '2,4', start_time: '14:00',
    end_time: '16:00', starts_on: '2026-03-10', ends_on: '2026-06-30', venue: '一楼教室', seats: 10, seats_taken: 0,
    waitlist_next: 1, fee_fen: 0, age_min: null, age_max: null, residency_region_id: null, prerequisite_course_id: null,
    mode: 'first_come', returning_opens_at: null, enrol_opens_at: '2026-02-01T00:00:00.000Z',
    enrol_closes_at: '2026-03-09T16:00:00.000Z', offer_hours: 48, completion_rule: 'attendance', completion_threshold: 75,
    status: 'open', cancel_reason: null, version: 1, created_by: null, created_at: at, updated_at: at,
    ...rest,
  }).execute();
  return id;
}

export interface ResidentFields { homePath?: string; homeScopeId?: string; birthDate?: string | null; name?: string; idNumberEnc?: string; idNumberHash?: string }

/** Residents with the resident role (at city scope, as self-registered accounts have), inserted in one statement. */
export async function insertResidents(db: Kysely<EnrolmentDatabase>, count: number, fields: ResidentFields = {}): Promise<string[]> {
  const city = await db.selectFrom('regions').select(['id', 'path']).where('level', '=', 'city').executeTakeFirstOrThrow();
  const at = new Date().toISOString();
  const ids = Array.from({ length: count }, () => newId());
  const hash = (await db.selectFrom('users').select('password_hash').where('username', '=', 'resident').executeTakeFirstOrThrow()).password_hash;
  for (let i = 0; i < ids.length; i += 200) {
    const chunk = ids.slice(i, i + 200);
    await db.insertInto('users').values(chunk.map((id) => newUserRow({
      id, username: `r-${id}`, display_name: fields.name ?? `居民${id.slice(-5)}`, kind: 'resident', password_hash: hash,
      home_scope_type: fields.homePath ? 'region' : 'city', home_scope_id: fields.homeScopeId ?? city.id,
      home_path: fields.homePath ?? city.path, birth_date: fields.birthDate === undefined ? '1958-06-01' : fields.birthDate,
      real_name: fields.name ?? null, id_number_enc: fields.idNumberEnc ?? null, id_number_hash: fields.idNumberHash ?? null,
    }, at))).execute();
    await db.insertInto('role_assignments').values(chunk.map((id) => ({
      id: newId(), user_id: id, role: 'resident', scope_type: 'city' as const, scope_id: city.id, scope_path: city.path, created_at: at,
    }))).execute();
    // As at sign-up: the notice in force accepted, so their pages are not sent to the privacy update prompt.
    await (db as unknown as Kysely<ConsentDatabase>).insertInto('consents').values(chunk.map((id) => ({
      id: newId(), user_id: id, purpose: 'privacy_notice' as const, notice_version: currentNotice().version, channel: 'api' as const,
      given_at: at, withdrawn_at: null,
    }))).execute();
  }
  return ids;
}

/** A signed-in client for a user, with a session made directly in the database. */
export async function clientFor<C extends { cookie: string | null; csrfToken: string | null; username: string | null }>(
  t: { app: { database: { db: unknown } }; anonymous(): C }, userId: string, now = new Date()): Promise<C> {
  const session = await createSession(t.app.database.db as never, { id: userId, kind: 'resident' }, now, { ip: null, userAgent: 'test' });
  const client = t.anonymous();
  client.cookie = session.token;
  client.csrfToken = session.csrfToken;
  client.username = userId;
  return client;
}

export async function countRows(db: Kysely<EnrolmentDatabase>, table: 'learning_enrolments' | 'learning_enrolment_events' | 'learning_term_quotas' | 'notifications' | 'audit_log') {
  const row = await (db as Kysely<any>).selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number((row as { n: number }).n);
}
