import type { Kysely } from 'kysely';
import type { Actor } from '../../../core/access/actor.js';
import { dialectOf } from '../../../core/db/dialect.js';
import { loadInScope } from '../institutions/commands/load-in-scope.js';
import type { InstitutionsDatabase } from '../institutions/institutions-schema.js';
import type { MediaDatabase } from './media-schema.js';

/**
 * The network institution a media request acts on, when it lies in the actor's scope for the permission (else
 * the registry's 404). With `lock`, inside a transaction on PostgreSQL the institution's row is locked so two
 * uploads at once cannot both pass the photo limit (SQLite's single writer already runs them one after the other).
 */
export async function institutionForMedia(db: Kysely<MediaDatabase>, actor: Actor, permission: string, id: string, lock = false) {
  const row = await loadInScope(db as unknown as Kysely<InstitutionsDatabase>, actor, permission, id);
  if (lock && dialectOf(db) === 'postgres') {
    await db.selectFrom('institutions').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  }
  return row;
}
