import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../../../core/db/migrations/helpers.js';

/**
 * Online courses (网络课程). An online course IS a catalogue course (`learning_courses`: institution, title,
 * category, description, hours, credits) plus a row here keyed by its id with the online side's own status, so
 * the catalogue tables stay as they are and a course can be taught in classes and online alike.
 *
 * Lessons are ordered by `seq` within their course: text (sanitised HTML body), a document or a video (a stored
 * content file; videos also carry their length, which the server checks progress against).
 *
 * Progress: one row per learner and lesson (unique), with the moment the lesson was first opened (the clock that
 * stops a video being claimed complete too fast). One row per learner and course holds the course's completion
 * and the credits it awarded; every progress write first updates that row, which serialises one learner's
 * concurrent writes on a course, and completion is a conditional update (`completed_at is null`): once only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema.createTable('learning_online_courses')
    .addColumn('course_id', 'text', (c) => c.primaryKey().references('learning_courses.id'))
    .addColumn('cover_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft','published')`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('published_at', t.timestamp)
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('learning_online_courses_status').on('learning_online_courses').columns(['status', 'published_at']).execute();

  await db.schema.createTable('learning_online_lessons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('learning_online_courses.course_id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('text','document','video')`))
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('file_id', 'text', (c) => c.references('content_files.id'))
    .addColumn('duration_seconds', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('required', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addCheckConstraint('learning_online_lessons_duration', sql`duration_seconds >= 0`)
    .execute();
  await db.schema.createIndex('learning_online_lessons_course').on('learning_online_lessons').columns(['course_id', 'seq']).execute();

  await db.schema.createTable('learning_online_learners')
    .addColumn('course_id', 'text', (c) => c.notNull().references('learning_online_courses.course_id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('started_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('completed_at', t.timestamp)
    // The course's credits when it was completed (tenths), kept even if the course's credits change later.
    .addColumn('credits_tenths', 'integer')
    .addPrimaryKeyConstraint('learning_online_learners_pk', ['course_id', 'user_id'])
    .execute();
  await db.schema.createIndex('learning_online_learners_user').on('learning_online_learners').columns(['user_id', 'updated_at']).execute();

  await db.schema.createTable('learning_online_progress')
    .addColumn('lesson_id', 'text', (c) => c.notNull().references('learning_online_lessons.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('course_id', 'text', (c) => c.notNull().references('learning_online_courses.course_id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('started').check(sql`status in ('started','completed')`))
    .addColumn('position_seconds', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('opened_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('completed_at', t.timestamp)
    .addPrimaryKeyConstraint('learning_online_progress_pk', ['lesson_id', 'user_id'])
    .execute();
  await db.schema.createIndex('learning_online_progress_user').on('learning_online_progress').columns(['user_id', 'course_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['learning_online_progress', 'learning_online_learners', 'learning_online_lessons', 'learning_online_courses']) {
    await db.schema.dropTable(table).execute();
  }
}
