import { sql, type Kysely } from 'kysely';

/**
 * Credit-bank awards become printable, publicly verifiable certificates. Awards have carried an unguessable `code`
 * since 0018 (the class certificates' generator, unique, not null), so no code needs backfilling; what a printed
 * sheet also needs is what certificates keep: the facts as of the day of issue, so that the paper and the public
 * verify page keep agreeing after the person or the city is renamed.
 *
 * - holder_name: the person's real name (else display name) when awarded;
 * - issuer_name: the city (the root region) that awards it.
 *
 * Existing awards are backfilled from today's names, the best that is known.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('learning_credit_awards').addColumn('holder_name', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('learning_credit_awards').addColumn('issuer_name', 'text', (c) => c.notNull().defaultTo('')).execute();
  await sql`update learning_credit_awards set
    holder_name = coalesce((select coalesce(nullif(u.real_name, ''), u.display_name) from users u where u.id = learning_credit_awards.user_id), ''),
    issuer_name = coalesce((select r.name from regions r where r.level = 'city' order by r.path limit 1), '')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('learning_credit_awards').dropColumn('issuer_name').execute();
  await db.schema.alterTable('learning_credit_awards').dropColumn('holder_name').execute();
}
