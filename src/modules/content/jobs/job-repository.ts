import { sql, type Kysely } from 'kysely';
import { pathUnder } from '../../../core/access/scope.js';
import { containsText, startsWith } from '../../../core/db/text-match.js';
import type { PageParams } from '../../../core/http/pagination.js';
import type { ContentDatabase, ContentJobsTable } from '../content-schema.js';

/** Queries over content_jobs, each row with its region's name and its town's name. Rules live in the commands. */

export type JobRow = ContentJobsTable & { region_name: string; region_level: string; parent_name: string | null };

function jobsWithRegions(db: Kysely<ContentDatabase>) {
  return db.selectFrom('content_jobs as j')
    .innerJoin('regions as r', 'r.id', 'j.region_id')
    .leftJoin('regions as p', 'p.id', 'r.parent_id')
    .selectAll('j')
    .select(['r.name as region_name', 'r.level as region_level', 'p.name as parent_name']);
}

/** The town a posting is in: the region itself when it is a town, else the village's town. */
export function townNameOf(row: Pick<JobRow, 'region_name' | 'region_level' | 'parent_name'>): string {
  return row.region_level === 'town' ? row.region_name : row.parent_name ?? row.region_name;
}

/** "柳泉镇" for a town, "柳泉镇 杨庄村" for a village. */
export function placeOf(row: Pick<JobRow, 'region_name' | 'region_level' | 'parent_name'>): string {
  const town = townNameOf(row);
  return town === row.region_name ? town : `${town} ${row.region_name}`;
}

export async function findJob(db: Kysely<ContentDatabase>, id: string): Promise<JobRow | undefined> {
  return jobsWithRegions(db).where('j.id', '=', id).executeTakeFirst() as Promise<JobRow | undefined>;
}

export interface StaffJobFilters {
  scopePaths: string[];
  today: string;
  q?: string;
  status?: ContentJobsTable['status'];
  regionPath?: string;
  expired?: boolean;
}

/** The back office's list: only postings owned within the caller's scopes, whatever the filters say. */
export async function listJobsInScope(db: Kysely<ContentDatabase>, f: StaffJobFilters, page: PageParams & { offset: number }) {
  const base = db.selectFrom('content_jobs as j')
    .innerJoin('regions as r', 'r.id', 'j.region_id')
    .where(pathUnder(sql.ref('j.owner_path'), f.scopePaths))
    .$if(Boolean(f.q), (q) => q.where((eb) => eb.or([containsText(sql.ref('j.position'), f.q!), containsText(sql.ref('j.employer_name'), f.q!)])))
    .$if(Boolean(f.status), (q) => q.where('j.status', '=', f.status!))
    .$if(Boolean(f.regionPath), (q) => q.where(startsWith(sql.ref('r.path'), f.regionPath!)))
    .$if(f.expired === true, (q) => q.where('j.valid_until', '<', f.today))
    .$if(f.expired === false, (q) => q.where('j.valid_until', '>=', f.today));
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const ids = await base.select('j.id').orderBy('j.updated_at', 'desc').orderBy('j.id', 'desc')
    .limit(page.pageSize).offset(page.offset).execute();
  return { rows: await rowsInOrder(db, ids.map((r) => r.id)), total: Number(total) };
}

/** Published postings still open on `today`, newest first; optionally those in one town (villages included). */
export async function listOpenJobs(db: Kysely<ContentDatabase>, f: { today: string; townPath?: string }, page: PageParams & { offset: number }) {
  const base = db.selectFrom('content_jobs as j')
    .innerJoin('regions as r', 'r.id', 'j.region_id')
    .where('j.status', '=', 'published')
    .where('j.valid_until', '>=', f.today)
    .$if(Boolean(f.townPath), (q) => q.where(startsWith(sql.ref('r.path'), f.townPath!)));
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const ids = await base.select('j.id').orderBy('j.published_at', 'desc').orderBy('j.id', 'desc')
    .limit(page.pageSize).offset(page.offset).execute();
  return { rows: await rowsInOrder(db, ids.map((r) => r.id)), total: Number(total) };
}

async function rowsInOrder(db: Kysely<ContentDatabase>, ids: string[]): Promise<JobRow[]> {
  if (ids.length === 0) return [];
  const rows = await jobsWithRegions(db).where('j.id', 'in', ids).execute() as JobRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!);
}

/** A posting a visitor may open: published (expired ones keep their page). */
export async function findPublishedJob(db: Kysely<ContentDatabase>, id: string): Promise<JobRow | undefined> {
  return jobsWithRegions(db).where('j.id', '=', id).where('j.status', '=', 'published').executeTakeFirst() as Promise<JobRow | undefined>;
}

/** The towns of the city, for the portal's town filter. */
export async function listTowns(db: Kysely<ContentDatabase>) {
  return db.selectFrom('regions').select(['id', 'name', 'path']).where('level', '=', 'town').orderBy('sort').orderBy('id').execute();
}
