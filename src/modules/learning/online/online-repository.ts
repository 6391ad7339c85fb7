import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../../../core/access/actor.js';
import { isInScope, pathUnder, scopePathsFor } from '../../../core/access/scope.js';
import { containsText } from '../../../core/db/text-match.js';
import { notFound } from '../../../core/http/errors.js';
import { pageParams } from '../../../core/http/pagination.js';
import type { OnlineCourseQueryT } from './online-schemas.js';
import type { OnlineDatabase } from './online-schema.js';

export type OnlineDb = Kysely<OnlineDatabase> | Transaction<OnlineDatabase>;
export const ONLINE_MANAGE = 'learning.online.manage';

/** An online course with its catalogue course's fields, its institution's name and its number of lessons. */
function courseQuery(db: OnlineDb) {
  return db.selectFrom('learning_online_courses as o')
    .innerJoin('learning_courses as c', 'c.id', 'o.course_id')
    .innerJoin('institutions as i', 'i.id', 'c.institution_id')
    .select(['o.course_id as id', 'o.cover_text', 'o.status', 'o.version', 'o.published_at', 'o.created_at', 'o.updated_at',
      'c.institution_id', 'c.owner_path', 'c.title', 'c.category', 'c.description', 'c.hours_tenths', 'c.credits_tenths',
      'i.name as institution_name'])
    .select((eb) => eb.selectFrom('learning_online_lessons as l').whereRef('l.course_id', '=', 'o.course_id')
      .select((e) => e.fn.countAll<number>().as('n')).as('lesson_count'));
}
export type OnlineCourseRow = Awaited<ReturnType<ReturnType<typeof courseQuery>['executeTakeFirstOrThrow']>>;

export function findOnlineCourse(db: OnlineDb, id: string): Promise<OnlineCourseRow | undefined> {
  return courseQuery(db).where('o.course_id', '=', id).executeTakeFirst();
}

/** The course when the actor may manage it; otherwise 404 (out of scope looks like missing). */
export async function onlineCourseForManage(db: OnlineDb, actor: Actor, id: string): Promise<OnlineCourseRow> {
  const row = await findOnlineCourse(db, id);
  if (!row || !isInScope(actor, ONLINE_MANAGE, row.owner_path)) throw notFound('learning.online.not_found');
  return row;
}

/** Staff list: the online courses of institutions in the actor's scope, newest first. */
export async function listOnlineCourses(db: OnlineDb, actor: Actor, q: OnlineCourseQueryT) {
  const paging = pageParams(q);
  const base = courseQuery(db).where(pathUnder(sql.ref('c.owner_path'), scopePathsFor(actor, ONLINE_MANAGE)))
    .$if(Boolean(q.institutionId), (b) => b.where('c.institution_id', '=', q.institutionId!))
    .$if(Boolean(q.status), (b) => b.where('o.status', '=', q.status!))
    .$if(Boolean(q.q), (b) => b.where(containsText(sql.ref('c.title'), q.q!)));
  const [rows, count] = await Promise.all([
    base.orderBy('o.created_at', 'desc').orderBy('o.course_id').limit(paging.pageSize).offset(paging.offset).execute(),
    db.selectFrom('learning_online_courses as o').innerJoin('learning_courses as c', 'c.id', 'o.course_id')
      .where(pathUnder(sql.ref('c.owner_path'), scopePathsFor(actor, ONLINE_MANAGE)))
      .$if(Boolean(q.institutionId), (b) => b.where('c.institution_id', '=', q.institutionId!))
      .$if(Boolean(q.status), (b) => b.where('o.status', '=', q.status!))
      .$if(Boolean(q.q), (b) => b.where(containsText(sql.ref('c.title'), q.q!)))
      .select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n), page: paging.page, pageSize: paging.pageSize };
}

/** Published courses for the portal, by category then newest. */
export function listPublishedCourses(db: OnlineDb, category?: string) {
  return courseQuery(db).where('o.status', '=', 'published')
    .$if(Boolean(category), (b) => b.where('c.category', '=', category as never))
    .orderBy('c.category').orderBy('o.published_at', 'desc').orderBy('o.course_id').execute();
}

/** A course's lessons in order, with their files. */
export function lessonsOf(db: OnlineDb, courseId: string) {
  return db.selectFrom('learning_online_lessons as l').leftJoin('content_files as f', 'f.id', 'l.file_id')
    .selectAll('l').select(['f.original_name as file_name', 'f.size as file_size', 'f.mime as file_mime'])
    .where('l.course_id', '=', courseId).orderBy('l.seq').orderBy('l.id').execute();
}
export type LessonRow = Awaited<ReturnType<typeof lessonsOf>>[number];

/** One lesson with its course's status and owner path (for scope and publication checks). */
export function findLesson(db: OnlineDb, lessonId: string) {
  return db.selectFrom('learning_online_lessons as l')
    .innerJoin('learning_online_courses as o', 'o.course_id', 'l.course_id')
    .innerJoin('learning_courses as c', 'c.id', 'l.course_id')
    .selectAll('l').select(['o.status as course_status', 'c.owner_path', 'c.title as course_title', 'c.credits_tenths'])
    .where('l.id', '=', lessonId).executeTakeFirst();
}
