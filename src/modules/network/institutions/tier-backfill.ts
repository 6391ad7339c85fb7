import type { Kysely } from 'kysely';

/**
 * Places institutions that have no tier yet into the three-tier network, from their kind:
 * - community_education_center → tier 'center' (the town's hub), no parent;
 * - enterprise_training → 'supplementary', under the town's center when there is one;
 * - every other network kind (citizen schools in the villages, and the town's party, population, seniors' and
 *   farmer schools and venues, which the policy brings *under* the center) → 'base', parent = the town's center.
 *   They cannot be tier 'center' themselves: a center never sits under another center.
 * - kind 'employer' (core's job-posting partner) is not a network institution: tier stays null.
 * Used by migration 0006 for rows that exist when it runs, and by the demo seed (core seeds its demo
 * institutions after all migrations ran). Idempotent: touches only rows whose tier is null.
 */
export async function backfillInstitutionTiers(db: Kysely<any>): Promise<void> {
  await db.updateTable('institutions').set({ tier: 'center', parent_center_id: null })
    .where('kind', '=', 'community_education_center').where('tier', 'is', null).execute();

  const centers: { id: string; region_id: string }[] = await db.selectFrom('institutions')
    .select(['id', 'region_id']).where('tier', '=', 'center').orderBy('created_at').orderBy('id').execute();
  const centerOfTown = new Map<string, string>();
  for (const c of centers) if (!centerOfTown.has(c.region_id)) centerOfTown.set(c.region_id, c.id);

  const pending: { id: string; kind: string; region_id: string; level: string; parent_id: string | null }[] = await db
    .selectFrom('institutions').innerJoin('regions', 'regions.id', 'institutions.region_id')
    .select(['institutions.id', 'institutions.kind', 'institutions.region_id', 'regions.level', 'regions.parent_id'])
    .where('institutions.tier', 'is', null).where('institutions.kind', '!=', 'employer').execute();
  for (const row of pending) {
    const townId = row.level === 'village' ? row.parent_id : row.region_id;
    const tier = row.kind === 'enterprise_training' ? 'supplementary' : 'base';
    await db.updateTable('institutions')
      .set({ tier, parent_center_id: townId ? centerOfTown.get(townId) ?? null : null })
      .where('id', '=', row.id).execute();
  }
}
