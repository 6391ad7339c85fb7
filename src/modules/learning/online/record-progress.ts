import type { CoreContext } from '../../../core/context.js';
import { AppError, invalidField, notFound } from '../../../core/http/errors.js';
import { notify } from '../../../core/notifications/notify.js';
import { fromTenths } from '../catalogue/catalogue-format.js';
import { findLesson, type OnlineDb } from './online-repository.js';
import { onlineDb } from './online-schema.js';
import type { ProgressInput } from './online-schemas.js';
import { learnerOf, progressOf } from './progress-repository.js';

/** A video counts as watched from this share of its length on... */
export const VIDEO_DONE_SHARE = 0.9;
/** ...and no sooner than this share of its length after the learner first opened it (see README). */
export const VIDEO_MIN_WALL_SHARE = 0.5;

type Lesson = NonNullable<Awaited<ReturnType<typeof findLesson>>>;

/** The lesson of a published course, for a learner; anything else is 404. */
export async function lessonForLearner(db: OnlineDb, lessonId: string): Promise<Lesson> {
  const lesson = await findLesson(db, lessonId);
  if (!lesson || lesson.course_status !== 'published') throw notFound('learning.online.lesson_not_found');
  return lesson;
}

/**
 * The learner opens a lesson: their course row and lesson row exist from now on (the lesson's `opened_at` starts
 * the clock a video's completion is checked against). Idempotent.
 */
export async function openLesson(db: OnlineDb, userId: string, lesson: Pick<Lesson, 'id' | 'course_id'>, now: Date): Promise<void> {
  const at = now.toISOString();
  await db.insertInto('learning_online_learners').values({ course_id: lesson.course_id, user_id: userId, started_at: at, updated_at: at, completed_at: null, credits_tenths: null })
    .onConflict((oc) => oc.columns(['course_id', 'user_id']).doNothing()).execute();
  await db.insertInto('learning_online_progress').values({ lesson_id: lesson.id, user_id: userId, course_id: lesson.course_id, status: 'started',
    position_seconds: 0, opened_at: at, updated_at: at, completed_at: null })
    .onConflict((oc) => oc.columns(['lesson_id', 'user_id']).doNothing()).execute();
}

/** Whether this report completes the lesson; throws when the learner claims a completion the rules refuse. */
function completes(lesson: Lesson, position: number, openedAt: string, now: Date, claimed: boolean): boolean {
  if (lesson.kind !== 'video') return claimed;
  const watched = position >= lesson.duration_seconds * VIDEO_DONE_SHARE;
  const elapsed = (now.getTime() - Date.parse(openedAt)) / 1000;
  const longEnough = elapsed >= lesson.duration_seconds * VIDEO_MIN_WALL_SHARE;
  if (claimed && !watched) throw new AppError(400, 'learning.online.video_not_watched');
  if (claimed && !longEnough) throw new AppError(409, 'learning.online.video_too_fast');
  return watched && longEnough;
}

/**
 * A learner's report on a lesson: the video position (resumed next time) and/or "done". In one transaction: the
 * learner's course row is updated first (on PostgreSQL that row lock orders one learner's concurrent reports on
 * a course), the lesson row is written, and when every counted lesson is complete the course is completed with
 * its credits and a notification, by a conditional update (`completed_at is null`) — exactly once.
 */
export async function recordProgress(core: CoreContext, userId: string, lessonId: string, input: ProgressInput) {
  const now = core.clock.now();
  const at = now.toISOString();
  return onlineDb(core).transaction().execute(async (trx) => {
    const lesson = await lessonForLearner(trx, lessonId);
    if (lesson.kind === 'video' && input.position !== undefined && input.position > lesson.duration_seconds) {
      throw invalidField('position', 'learning.online.progress_position', 'beyond_end');
    }
    await openLesson(trx, userId, lesson, now);
    await trx.updateTable('learning_online_learners').set({ updated_at: at }).where('course_id', '=', lesson.course_id).where('user_id', '=', userId).execute();
    const before = await trx.selectFrom('learning_online_progress').selectAll().where('lesson_id', '=', lessonId).where('user_id', '=', userId).executeTakeFirstOrThrow();
    const position = lesson.kind === 'video' ? input.position ?? before.position_seconds : 0;
    const done = before.status === 'completed' || completes(lesson, position, before.opened_at, now, input.completed === true);
    const newlyDone = done && before.status !== 'completed';
    await trx.updateTable('learning_online_progress')
      .set({ position_seconds: position, updated_at: at, ...(newlyDone ? { status: 'completed', completed_at: at } : {}) })
      .where('lesson_id', '=', lessonId).where('user_id', '=', userId).execute();

    const progress = (await progressOf(trx, userId, [lesson.course_id])).get(lesson.course_id)!;
    if (newlyDone && progress.total > 0 && progress.done === progress.total) {
      const result = await trx.updateTable('learning_online_learners').set({ completed_at: at, credits_tenths: lesson.credits_tenths })
        .where('course_id', '=', lesson.course_id).where('user_id', '=', userId).where('completed_at', 'is', null).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1) {
        await notify(trx, now, { userId, topic: 'learning.online.completed', link: `/courses/${lesson.course_id}`,
          params: { title: lesson.course_title, credits: fromTenths(lesson.credits_tenths) } });
      }
    }
    const learner = (await learnerOf(trx, userId, lesson.course_id))!;
    const after = await trx.selectFrom('learning_online_progress').selectAll().where('lesson_id', '=', lessonId).where('user_id', '=', userId).executeTakeFirstOrThrow();
    return {
      lessonId, status: after.status, position: after.position_seconds, completedAt: after.completed_at,
      course: { id: lesson.course_id, percent: progress.percent, completedAt: learner.completed_at,
        credits: learner.credits_tenths === null ? null : fromTenths(learner.credits_tenths) },
    };
  });
}
