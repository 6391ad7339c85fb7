import type { ImportDb } from './import-schema.js';

export interface Place { id: string; name: string; level: 'town' | 'village'; parentId: string | null; path: string }

/** Towns by name and villages by town and name: how a sheet names places (ids are not something people type). */
export interface Places {
  towns: Place[];
  town(name: string): Place | undefined;
  village(townId: string, name: string): Place | undefined;
  villagesOf(townId: string): Place[];
}

export async function loadPlaces(db: ImportDb): Promise<Places> {
  const rows = await db.selectFrom('regions').select(['id', 'name', 'level', 'parent_id', 'path'])
    .where('level', 'in', ['town', 'village']).orderBy('sort').orderBy('id').execute();
  const all: Place[] = rows.map((r) => ({ id: r.id, name: r.name.trim(), level: r.level as Place['level'], parentId: r.parent_id, path: r.path }));
  const towns = all.filter((p) => p.level === 'town');
  const townByName = new Map(towns.map((t) => [t.name, t]));
  const villageByKey = new Map(all.filter((p) => p.level === 'village').map((v) => [`${v.parentId}\u0000${v.name}`, v]));
  return {
    towns,
    town: (name) => townByName.get(name),
    village: (townId, name) => villageByKey.get(`${townId}\u0000${name}`),
    villagesOf: (townId) => all.filter((p) => p.level === 'village' && p.parentId === townId),
  };
}
