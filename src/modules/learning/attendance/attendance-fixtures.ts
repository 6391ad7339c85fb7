import type { Kysely } from 'kysely';
import { createSession } from '../../../core/auth/sessions.js';
import { newId } from '../../../core/ids.js';
import { newUserRow } from '../../../core/users/new-user-row.js';
import { centerOfTown } from '../enrolment/test-fixtures.js';
import type { AttendanceDatabase } from './attendance-schema.js';

/**
 * Test rows for attendance and certificates, written straight to the database: sessions at given instants,
 * enrolled residents, and a second teacher of an institution (who must not see the first teacher's classes).
 */
export async function insertSessions(db: Kysely<AttendanceDatabase>, classId: string, starts: string[], hours = 2) {
  const ids: string[] = [];
  for (const [i, startsAt] of starts.entries()) {
    const id = newId();
    ids.push(id);
    await db.insertInto('learning_class_sessions').values({ id, class_id: classId, seq: i + 1, starts_at: startsAt,
      ends_at: new Date(Date.parse(startsAt) + hours * 3_600_000).toISOString(), status: 'scheduled' }).execute();
  }
  return ids;
}

/** Enrolled residents of a class (the seat count follows). Returns enrolment ids in the order of the users. */
export async function enrolAll(db: Kysely<AttendanceDatabase>, classId: string, userIds: string[]) {
  const cls = await db.selectFrom('learning_classes').select(['term_id']).where('id', '=', classId).executeTakeFirstOrThrow();
  const at = '2026-03-01T00:00:00.000Z';
  const ids = userIds.map(() => newId());
  await db.insertInto('learning_enrolments').values(userIds.map((userId, i) => ({
    id: ids[i], class_id: classId, user_id: userId, term_id: cls.term_id, status: 'enrolled' as const, waitlist_seq: null, offered_at: null,
    offer_expires_at: null, enrolled_at: at, cancelled_at: null, completed_at: null, source: 'online' as const, acted_by: userId,
    consent_method: null, consent_note: null, consent_at: null, version: 1, created_at: at, updated_at: at,
  }))).execute();
  await db.updateTable('learning_classes').set({ seats_taken: userIds.length }).where('id', '=', classId).execute();
  for (const userId of userIds) {
    await db.insertInto('learning_term_quotas').values({ user_id: userId, term_id: cls.term_id, used: 1 })
      .onConflict((oc) => oc.columns(['user_id', 'term_id']).doUpdateSet((eb) => ({ used: eb('learning_term_quotas.used', '+', 1) }))).execute();
  }
  return ids;
}

/** A teacher of the town's center (a staff account with the teacher role there), signed in without a password. */
export async function otherTeacherClient<C extends { cookie: string | null; csrfToken: string | null; username: string | null }>(
  t: { app: { database: { db: unknown } }; anonymous(): C }, townId: string, now: Date): Promise<C> {
  const db = t.app.database.db as Kysely<AttendanceDatabase>;
  const center = await centerOfTown(db as never, townId);
  const id = newId();
  const at = now.toISOString();
  const hash = (await db.selectFrom('users').select('password_hash').where('username', '=', 'teacher').executeTakeFirstOrThrow()).password_hash;
  await db.insertInto('users').values(newUserRow({ id, username: `t-${id}`, display_name: '另一位老师', kind: 'staff', password_hash: hash,
    home_scope_type: 'institution', home_scope_id: center.id, home_path: center.path }, at)).execute();
  await db.insertInto('role_assignments').values({ id: newId(), user_id: id, role: 'teacher', scope_type: 'institution', scope_id: center.id,
    scope_path: center.path, created_at: at }).execute();
  const session = await createSession(db as never, { id, kind: 'staff' }, now, { ip: null, userAgent: 'test' });
  const client = t.anonymous();
  client.cookie = session.token;
  client.csrfToken = session.csrfToken;
  client.username = `t-${id}`;
  return client;
}

/** A portal form post (urlencoded, with the session's CSRF token as `_csrf`). */
export function formPost<C extends { csrfToken: string | null; request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; headers: Record<string, unknown>; raw: string; body: unknown }> }>(
  client: C, url: string, fields: Record<string, string>) {
  const body = new URLSearchParams({ ...fields, _csrf: client.csrfToken ?? '' }).toString();
  return client.request('POST', url, body, { 'content-type': 'application/x-www-form-urlencoded' });
}
