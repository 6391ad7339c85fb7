import type { Kysely, Transaction } from 'kysely';
import type { PeopleDatabase } from './people-schema.js';

/**
 * How many people are still working at an institution (status 'active'). The institutions part calls this
 * before deleting an institution: one that still has staff must be retired instead. Pass the transaction
 * of the delete so the count and the delete see the same rows.
 */
export async function countActivePeople(db: Kysely<any> | Transaction<any>, institutionId: string): Promise<number> {
  const typed = db as Kysely<PeopleDatabase>;
  const row = await typed.selectFrom('network_people')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('institution_id', '=', institutionId)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
