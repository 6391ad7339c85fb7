import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../../core/access/actor.js';
import { isInScope } from '../../../core/access/scope.js';
import type { LearningDatabase } from '../learning-schema.js';

type Db = Kysely<LearningDatabase> | Transaction<LearningDatabase>;

/** An active institution the actor may manage courses or classes of, with the town it lies in; else undefined. */
export async function manageableInstitution(db: Db, actor: Actor, permission: string, id: string) {
  const row = await db.selectFrom('institutions as i').innerJoin('regions as r', 'r.id', 'i.region_id')
    .select(['i.id', 'i.name', 'i.path', 'i.status', 'r.id as region_id', 'r.level as region_level', 'r.parent_id as region_parent_id'])
    .where('i.id', '=', id).executeTakeFirst();
  if (!row || row.status !== 'active' || !isInScope(actor, permission, row.path)) return undefined;
  const townId = row.region_level === 'town' ? row.region_id : row.region_parent_id;
  return townId ? { ...row, townId } : undefined;
}

/** Whether the user holds the teacher role on the institution (the only people a course or class may name). */
export async function isTeacherOf(db: Db, userId: string, institutionId: string): Promise<boolean> {
  const row = await db.selectFrom('role_assignments as g').innerJoin('users as u', 'u.id', 'g.user_id').select('g.id')
    .where('g.user_id', '=', userId).where('g.role', '=', 'teacher').where('g.scope_type', '=', 'institution')
    .where('g.scope_id', '=', institutionId).where('u.status', '=', 'active').executeTakeFirst();
  return Boolean(row);
}

/** The teacher picker: active users with the teacher role on the institution. */
export async function teachersOf(db: Db, institutionId: string) {
  return db.selectFrom('role_assignments as g').innerJoin('users as u', 'u.id', 'g.user_id')
    .select(['u.id', 'u.display_name']).distinct()
    .where('g.role', '=', 'teacher').where('g.scope_type', '=', 'institution').where('g.scope_id', '=', institutionId)
    .where('u.status', '=', 'active').orderBy('u.display_name').orderBy('u.id').execute();
}
