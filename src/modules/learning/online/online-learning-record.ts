import type { CoreContext } from '../../../core/context.js';
import { fromTenths } from '../catalogue/catalogue-format.js';
import { onlineDb } from './online-schema.js';
import { progressOf } from './progress-repository.js';

export interface OnlineLearningEntry {
  courseId: string;
  title: string;
  /** 学时 and 学分 of the course (decimals). */
  hours: number;
  credits: number;
  percent: number;
  startedAt: string;
  completedAt: string | null;
  /** The credits the completion awarded (null until completed). */
  creditsAwarded: number | null;
}

/**
 * The online courses a user has started, most recent activity first, with their progress: what the lifelong
 * learning record and `GET /api/v1/learning/online/me` show. Courses unpublished since still count (it happened).
 */
export async function listOnlineLearningOf(core: Pick<CoreContext, 'db'>, userId: string): Promise<OnlineLearningEntry[]> {
  const db = onlineDb(core);
  const rows = await db.selectFrom('learning_online_learners as a').innerJoin('learning_courses as c', 'c.id', 'a.course_id')
    .select(['a.course_id', 'a.started_at', 'a.completed_at', 'a.credits_tenths as awarded', 'c.title', 'c.hours_tenths', 'c.credits_tenths'])
    .where('a.user_id', '=', userId).orderBy('a.updated_at', 'desc').orderBy('a.course_id').execute();
  const progress = await progressOf(db, userId, rows.map((r) => r.course_id));
  return rows.map((r) => ({
    courseId: r.course_id, title: r.title, hours: fromTenths(r.hours_tenths), credits: fromTenths(r.credits_tenths),
    percent: r.completed_at ? 100 : progress.get(r.course_id)?.percent ?? 0, startedAt: r.started_at, completedAt: r.completed_at,
    creditsAwarded: r.awarded === null ? null : fromTenths(r.awarded),
  }));
}
