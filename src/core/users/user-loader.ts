import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Actor } from '../access/actor.js';
import type { Role } from '../access/roles.js';
import { notFound } from '../http/errors.js';
import { findUserById, grantsOfUsers, type UserRow } from './user-repository.js';
import { canSeeUser } from './user-policy.js';

export interface LoadedUser { row: UserRow; grants: { role: Role; scopePath: string; scopeId: string; scopeType: string }[] }

/** Loads a user the actor may see; outside the actor's scope it is 404, exactly like a missing id. */
export async function loadVisibleUser(db: Kysely<Database> | Transaction<Database>, actor: Actor, id: string): Promise<LoadedUser> {
  const row = await findUserById(db, id);
  if (!row || !canSeeUser(actor, row)) throw notFound('user.not_found');
  const grants = (await grantsOfUsers(db, [id])).map((g) => ({
    role: g.role as Role, scopePath: g.scope_path, scopeId: g.scope_id, scopeType: g.scope_type,
  }));
  return { row, grants };
}
