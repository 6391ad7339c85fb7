import { sql, type Kysely } from 'kysely';
import { startsWith } from '../db/text-match.js';
import type { Database } from '../db/schema.js';
import type { ScopeType } from '../access/roles.js';

export async function listRegions(db: Kysely<Database>) {
  return db.selectFrom('regions').select(['id', 'name', 'level', 'parent_id', 'path', 'population'])
    .orderBy('path').execute();
}

export async function cityRegion(db: Kysely<Database>) {
  return db.selectFrom('regions').select(['id', 'name', 'path']).where('level', '=', 'city')
    .orderBy('path').executeTakeFirst();
}

export async function listInstitutions(db: Kysely<Database>, regionPath?: string) {
  return db.selectFrom('institutions').select(['id', 'name', 'region_id', 'kind', 'path'])
    .where('status', '=', 'active')
    .$if(Boolean(regionPath), (q) => q.where(startsWith(sql.ref('path'), regionPath!)))
    .orderBy('path').execute();
}

export interface ResolvedScope { type: ScopeType; id: string; name: string; path: string }

/** Finds a scope's name and tree path; null when it does not exist. A 'city' scope is the city region. */
export async function resolveScope(db: Kysely<Database>, type: ScopeType, id: string): Promise<ResolvedScope | null> {
  if (type === 'institution') {
    const row = await db.selectFrom('institutions').select(['name', 'path']).where('id', '=', id).executeTakeFirst();
    return row ? { type, id, name: row.name, path: row.path } : null;
  }
  const row = await db.selectFrom('regions').select(['name', 'path', 'level']).where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  if (type === 'city' && row.level !== 'city') return null;
  if (type === 'region' && row.level === 'city') return null;
  return { type, id, name: row.name, path: row.path };
}

/** Names for many scope ids in two queries (for lists). */
export async function scopeNames(db: Kysely<Database>, ids: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (ids.length === 0) return names;
  const unique = [...new Set(ids)];
  for (const r of await db.selectFrom('regions').select(['id', 'name']).where('id', 'in', unique).execute()) names.set(r.id, r.name);
  for (const r of await db.selectFrom('institutions').select(['id', 'name']).where('id', 'in', unique).execute()) names.set(r.id, r.name);
  return names;
}
