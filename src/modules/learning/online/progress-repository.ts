import type { OnlineDb } from './online-repository.js';

export interface CourseProgress { done: number; total: number; percent: number }

/**
 * Per course: how many of its counted lessons the user has completed. Counted are the required lessons, or every
 * lesson of a course that marks none required. Percent is rounded down, so 100 means really all.
 */
export async function progressOf(db: OnlineDb, userId: string, courseIds: string[]): Promise<Map<string, CourseProgress>> {
  const out = new Map<string, CourseProgress>();
  if (courseIds.length === 0) return out;
  const rows = await db.selectFrom('learning_online_lessons as l')
    .leftJoin('learning_online_progress as p', (j) => j.onRef('p.lesson_id', '=', 'l.id').on('p.user_id', '=', userId).on('p.status', '=', 'completed'))
    .select(['l.course_id', 'l.required'])
    .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.count<number>('p.lesson_id').as('done')])
    .where('l.course_id', 'in', courseIds).groupBy(['l.course_id', 'l.required']).execute();
  const byCourse = new Map<string, { required?: { done: number; total: number }; optional?: { done: number; total: number } }>();
  for (const r of rows) {
    const entry = byCourse.get(r.course_id) ?? {};
    entry[r.required === 1 ? 'required' : 'optional'] = { done: Number(r.done), total: Number(r.total) };
    byCourse.set(r.course_id, entry);
  }
  for (const id of courseIds) {
    const entry = byCourse.get(id);
    const counted = entry?.required ?? entry?.optional ?? { done: 0, total: 0 };
    out.set(id, { ...counted, percent: counted.total === 0 ? 0 : Math.floor((counted.done * 100) / counted.total) });
  }
  return out;
}

/** The user's progress rows on a course's lessons, by lesson id. */
export async function lessonProgressOf(db: OnlineDb, userId: string, courseId: string) {
  const rows = await db.selectFrom('learning_online_progress').selectAll().where('user_id', '=', userId).where('course_id', '=', courseId).execute();
  return new Map(rows.map((r) => [r.lesson_id, r]));
}

export function learnerOf(db: OnlineDb, userId: string, courseId: string) {
  return db.selectFrom('learning_online_learners').selectAll().where('user_id', '=', userId).where('course_id', '=', courseId).executeTakeFirst();
}
