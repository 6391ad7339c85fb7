import { sql, type Transaction } from 'kysely';
import type { Actor } from '../../../core/access/actor.js';
import { pathUnder, scopePathsFor } from '../../../core/access/scope.js';
import { containsText, startsWith } from '../../../core/db/text-match.js';
import { notFound } from '../../../core/http/errors.js';
import type { PageParams } from '../../../core/http/pagination.js';
import type { Employment, NetworkPeopleTable, PeopleDatabase, PeopleDb, PersonStatus } from './people-schema.js';

/** A person's row with the institution it belongs to (whose path decides who may see it). */
export interface PersonRow extends NetworkPeopleTable {
  institution_name: string;
  institution_path: string;
  institution_region_id: string;
}

export interface PeopleFilter {
  /** Scope paths under which the caller may read people: the list never leaves them, whatever the filters say. */
  scopePaths: string[];
  institutionId?: string;
  /** A town's (or village's) region path: people of institutions under it. */
  regionPath?: string;
  employment?: Employment;
  status?: PersonStatus;
  /** Contains-match on name, title and subjects; also matches a whole phone or ID number by its look-up hash. */
  q?: string;
  qHashes?: string[];
}

/** People inherit their institution's scope path; nothing is copied, so a moved institution takes its staff along. */
const INSTITUTION_PATH = sql.ref<string>('i.path');

function selectPeople(db: PeopleDb | Transaction<PeopleDatabase>) {
  return db.selectFrom('network_people as p')
    .innerJoin('institutions as i', 'i.id', 'p.institution_id');
}

export async function listPeople(db: PeopleDb, filter: PeopleFilter, page: PageParams & { offset: number }): Promise<{ rows: PersonRow[]; total: number }> {
  const base = selectPeople(db)
    .where(pathUnder(INSTITUTION_PATH, filter.scopePaths))
    .$if(filter.institutionId !== undefined, (q) => q.where('p.institution_id', '=', filter.institutionId!))
    .$if(filter.regionPath !== undefined, (q) => q.where(startsWith(INSTITUTION_PATH, filter.regionPath!)))
    .$if(filter.employment !== undefined, (q) => q.where('p.employment', '=', filter.employment!))
    .$if(filter.status !== undefined, (q) => q.where('p.status', '=', filter.status!))
    .$if(filter.q !== undefined && filter.q.trim() !== '', (q) => q.where((eb) => eb.or([
      containsText(eb.ref('p.name'), filter.q!.trim()),
      containsText(eb.ref('p.title'), filter.q!.trim()),
      containsText(eb.ref('p.subjects'), filter.q!.trim()),
      ...(filter.qHashes ?? []).flatMap((hash) => [eb('p.phone_hash', '=', hash), eb('p.id_number_hash', '=', hash)]),
    ])));
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base.selectAll('p')
    .select(['i.name as institution_name', 'i.path as institution_path', 'i.region_id as institution_region_id'])
    .orderBy('i.path').orderBy('p.name').orderBy('p.id')
    .limit(page.pageSize).offset(page.offset)
    .execute();
  return { rows: rows as PersonRow[], total: Number(total) };
}

/** The person if the actor holds `permission` over their institution; otherwise 404, exactly like a missing id. */
export async function loadVisiblePerson(db: PeopleDb | Transaction<PeopleDatabase>, actor: Actor, id: string, permission: string): Promise<PersonRow> {
  const row = await selectPeople(db).selectAll('p')
    .select(['i.name as institution_name', 'i.path as institution_path', 'i.region_id as institution_region_id'])
    .where('p.id', '=', id)
    .where(pathUnder(INSTITUTION_PATH, scopePathsFor(actor, permission)))
    .executeTakeFirst();
  if (!row) throw notFound('network.people.not_found');
  return row as PersonRow;
}

/** People the caller's own account is linked to (they may see their own full ID number). */
export async function peopleOfUser(db: PeopleDb | Transaction<PeopleDatabase>, userId: string): Promise<PersonRow[]> {
  const rows = await selectPeople(db).selectAll('p')
    .select(['i.name as institution_name', 'i.path as institution_path', 'i.region_id as institution_region_id'])
    .where('p.user_id', '=', userId)
    .orderBy('p.created_at').orderBy('p.id')
    .execute();
  return rows as PersonRow[];
}
