import type { Kysely } from 'kysely';
import { newId } from '../../../core/ids.js';
import { insertClass, insertCourse } from '../enrolment/test-fixtures.js';
import { enrolAll } from '../attendance/attendance-fixtures.js';
import type { CourseCategory } from '../learning-schema.js';
import type { CreditDatabase } from './credit-schema.js';

/**
 * Test rows for the credit bank, written straight to the database: classes whose residents have completed them
 * (what the completion run leaves behind) and completed online courses (what the last lesson leaves behind).
 */
export async function completedClass(db: Kysely<CreditDatabase>, f: { townId: string; termId: string; users: string[]; category?: CourseCategory; creditsTenths?: number; completedAt?: string }) {
  const courseId = await insertCourse(db as never, f.townId, `课程${newId().slice(-4)}`);
  await db.updateTable('learning_courses').set({ category: f.category ?? 'digital', credits_tenths: f.creditsTenths ?? 10 }).where('id', '=', courseId).execute();
  const classId = await insertClass(db as never, { townId: f.townId, termId: f.termId, courseId, seats: 50, status: 'finished' });
  const enrolments = await enrolAll(db as never, classId, f.users);
  const at = f.completedAt ?? '2026-04-01T02:00:00.000Z';
  await db.updateTable('learning_enrolments').set({ status: 'completed', completed_at: at }).where('class_id', '=', classId).execute();
  return { classId, courseId, enrolments };
}

/** A published online course in a category, completed by the users with the given credits (tenths). */
export async function completedOnline(db: Kysely<CreditDatabase>, f: { townId: string; users: string[]; category?: CourseCategory; creditsTenths: number; completed?: boolean }) {
  const courseId = await insertCourse(db as never, f.townId, `网课${newId().slice(-4)}`);
  await db.updateTable('learning_courses').set({ category: f.category ?? 'digital', credits_tenths: f.creditsTenths }).where('id', '=', courseId).execute();
  const at = '2026-04-02T02:00:00.000Z';
  await db.insertInto('learning_online_courses').values({ course_id: courseId, cover_text: '', status: 'published', version: 1, published_at: at,
    created_by: null, created_at: at, updated_at: at }).execute();
  await db.insertInto('learning_online_learners').values(f.users.map((userId) => ({ course_id: courseId, user_id: userId, started_at: at, updated_at: at,
    completed_at: f.completed === false ? null : at, credits_tenths: f.completed === false ? null : f.creditsTenths }))).execute();
  return courseId;
}
