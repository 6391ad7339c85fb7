import type { Transaction } from 'kysely';
import type { Actor } from '../../../../core/access/actor.js';
import { isInScope } from '../../../../core/access/scope.js';
import { invalidField } from '../../../../core/http/errors.js';
import type { PeopleDatabase } from '../people-schema.js';

type Trx = Transaction<PeopleDatabase>;

/**
 * The institution a person is recorded at must exist, be in the caller's management scope and not be retired.
 * An institution outside the scope gets the same answer as a missing one, so ids of other towns leak nothing.
 */
export async function assertManageableInstitution(trx: Trx, actor: Actor, institutionId: string): Promise<void> {
  const institution = await trx.selectFrom('institutions').select(['path', 'status'])
    .where('id', '=', institutionId).executeTakeFirst();
  if (!institution || !isInScope(actor, 'network.staff.manage', institution.path)) {
    throw invalidField('institutionId', 'network.people.institution_unknown', 'unknown');
  }
  if (institution.status !== 'active') throw invalidField('institutionId', 'network.people.institution_retired', 'retired');
}

export async function assertUserExists(trx: Trx, userId: string): Promise<void> {
  const user = await trx.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
  if (!user) throw invalidField('userId', 'network.people.user_unknown', 'unknown');
}

/** One person per ID number across the whole network (the column is unique too; this gives the field error). */
export async function assertIdNumberFree(trx: Trx, hash: string, personId: string | null): Promise<void> {
  const holder = await trx.selectFrom('network_people').select('id').where('id_number_hash', '=', hash).executeTakeFirst();
  if (holder && holder.id !== personId) throw invalidField('idNumber', 'network.people.id_number_taken', 'taken');
}
