import { sql, type Kysely } from 'kysely';
import { pathUnder } from '../../../../core/access/scope.js';
import type { LearningDatabase } from '../../learning-schema.js';
import { classQuery } from '../catalogue-repository.js';

export const PORTAL_PAGE_SIZE = 20;

/** The portal's filters, as they appear in the address ('' = not set). */
export interface ClassesFilter { town: string; village: string; category: string; day: string; seats: string; term: string; page: number }

/**
 * Open classes residents can still go to (not past their last day), filtered in SQL; the town, status and term
 * filters use the browse index, the rest narrow a town's few classes.
 */
export async function listPortalClasses(db: Kysely<LearningDatabase>, f: ClassesFilter & { villagePath?: string }, today: string) {
  const base = classQuery(db).where('k.status', '=', 'open').where('k.ends_on', '>=', today)
    .$if(Boolean(f.town), (q) => q.where('k.town_id', '=', f.town))
    .$if(Boolean(f.villagePath), (q) => q.where(pathUnder(sql.ref('k.owner_path'), [f.villagePath!])))
    .$if(Boolean(f.term), (q) => q.where('k.term_id', '=', f.term))
    .$if(Boolean(f.category), (q) => q.where('c.category', '=', f.category as never))
    // weekdays is '2,4': wrapping both in commas makes the day an exact item, never a digit of another.
    .$if(Boolean(f.day), (q) => q.where(sql<boolean>`(',' || k.weekdays || ',') like ${`%,${f.day},%`}`))
    .$if(f.seats === '1', (q) => q.where(sql<boolean>`k.seats_taken < k.seats`));
  const [rows, count] = await Promise.all([
    base.orderBy('k.starts_on').orderBy('k.id').limit(PORTAL_PAGE_SIZE).offset((f.page - 1) * PORTAL_PAGE_SIZE).execute(),
    base.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Towns and villages for the filters, in the regions' order. */
export async function portalRegions(db: Kysely<LearningDatabase>) {
  const rows = await db.selectFrom('regions').select(['id', 'name', 'level', 'parent_id', 'path'])
    .where('level', 'in', ['town', 'village']).orderBy('path').execute();
  return { byId: new Map(rows.map((r) => [r.id, r])), towns: rows.filter((r) => r.level === 'town'), villagesOf: (townId: string) => rows.filter((r) => r.parent_id === townId) };
}

/** Moves whenever a class opens, changes or fills up: part of the cached anonymous pages' key. */
export async function classesStamp(db: Kysely<LearningDatabase>): Promise<string> {
  const row = await db.selectFrom('learning_classes')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('at'), eb.fn.sum<number>('seats_taken').as('taken')])
    .where('status', '=', 'open').executeTakeFirstOrThrow();
  return `${row.n}|${row.at ?? ''}|${row.taken ?? 0}`;
}

export async function portalTerms(db: Kysely<LearningDatabase>) {
  return db.selectFrom('learning_terms').select(['id', 'name']).orderBy('starts_on', 'desc').limit(6).execute();
}
