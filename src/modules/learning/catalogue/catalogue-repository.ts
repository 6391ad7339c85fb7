import { sql, type Kysely, type Transaction } from 'kysely';
import { pathUnder } from '../../../core/access/scope.js';
import { containsText } from '../../../core/db/text-match.js';
import type { PageParams } from '../../../core/http/pagination.js';
import type { LearningDatabase } from '../learning-schema.js';
import { classReadFilter, type ClassReadScope } from './catalogue-scope.js';

type Db = Kysely<LearningDatabase> | Transaction<LearningDatabase>;

function courseQuery(db: Db) {
  return db.selectFrom('learning_courses as c')
    .innerJoin('institutions as i', 'i.id', 'c.institution_id')
    .leftJoin('users as t', 't.id', 'c.teacher_user_id')
    .selectAll('c').select(['i.name as institution_name', 't.display_name as teacher_name']);
}
export type CourseRow = Awaited<ReturnType<ReturnType<typeof courseQuery>['executeTakeFirstOrThrow']>>;

export async function findCourse(db: Db, id: string): Promise<CourseRow | undefined> {
  return courseQuery(db).where('c.id', '=', id).executeTakeFirst();
}

export interface CourseFilter { scopePaths: string[]; regionPath?: string; institutionId?: string; category?: string; status?: string; q?: string }

export async function listCourses(db: Db, f: CourseFilter, paging: PageParams & { offset: number }) {
  const base = courseQuery(db).where(pathUnder(sql.ref('c.owner_path'), f.scopePaths))
    .$if(Boolean(f.regionPath), (q) => q.where(pathUnder(sql.ref('c.owner_path'), [f.regionPath!])))
    .$if(Boolean(f.institutionId), (q) => q.where('c.institution_id', '=', f.institutionId!))
    .$if(Boolean(f.category), (q) => q.where('c.category', '=', f.category as never))
    .$if(Boolean(f.status), (q) => q.where('c.status', '=', f.status as never))
    .$if(Boolean(f.q), (q) => q.where(containsText(sql.ref('c.title'), f.q!)));
  const [rows, count] = await Promise.all([
    base.orderBy('c.created_at', 'desc').orderBy('c.id').limit(paging.pageSize).offset(paging.offset).execute(),
    base.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export function classQuery(db: Db) {
  return db.selectFrom('learning_classes as k')
    .innerJoin('learning_courses as c', 'c.id', 'k.course_id')
    .innerJoin('institutions as i', 'i.id', 'k.institution_id')
    .innerJoin('regions as town', 'town.id', 'k.town_id')
    .innerJoin('learning_terms as term', 'term.id', 'k.term_id')
    .leftJoin('users as t', 't.id', 'k.teacher_user_id')
    .leftJoin('regions as res', 'res.id', 'k.residency_region_id')
    .selectAll('k')
    .select(['c.title as course_title', 'c.category', 'c.description as course_description', 'c.hours_tenths', 'c.credits_tenths',
      'i.name as institution_name', 'town.name as town_name', 'term.name as term_name', 't.display_name as teacher_name',
      'res.name as residency_region_name', 'res.level as residency_region_level']);
}
export type ClassRow = Awaited<ReturnType<ReturnType<typeof classQuery>['executeTakeFirstOrThrow']>>;

export async function findClass(db: Db, id: string): Promise<ClassRow | undefined> {
  return classQuery(db).where('k.id', '=', id).executeTakeFirst();
}

export interface ClassFilter {
  scope: ClassReadScope; regionPath?: string; termId?: string; courseId?: string; institutionId?: string; status?: string; q?: string;
}

export async function listClasses(db: Db, f: ClassFilter, paging: PageParams & { offset: number }) {
  const base = classQuery(db).where(classReadFilter(f.scope, 'k'))
    .$if(Boolean(f.regionPath), (q) => q.where(pathUnder(sql.ref('k.owner_path'), [f.regionPath!])))
    .$if(Boolean(f.termId), (q) => q.where('k.term_id', '=', f.termId!))
    .$if(Boolean(f.courseId), (q) => q.where('k.course_id', '=', f.courseId!))
    .$if(Boolean(f.institutionId), (q) => q.where('k.institution_id', '=', f.institutionId!))
    .$if(Boolean(f.status), (q) => q.where('k.status', '=', f.status as never))
    .$if(Boolean(f.q), (q) => q.where(containsText(sql.ref('k.title'), f.q!)));
  const [rows, count] = await Promise.all([
    base.orderBy('k.starts_on', 'desc').orderBy('k.id').limit(paging.pageSize).offset(paging.offset).execute(),
    base.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function listSessions(db: Db, classId: string) {
  return db.selectFrom('learning_class_sessions').selectAll().where('class_id', '=', classId).orderBy('seq').execute();
}
