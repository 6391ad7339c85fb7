import { sql, type Kysely, type Transaction } from 'kysely';
import type { FieldError } from '../../../core/http/errors.js';
import type { Actor } from '../../../core/access/actor.js';
import { isInScope } from '../../../core/access/scope.js';
import type { InstitutionsDatabase, InstitutionTier } from './institutions-schema.js';
import { PHONE_PATTERN, tiersAllowedFor, type InstitutionKind } from './institution-kinds.js';
import { townOfRegion } from './institution-repository.js';

/** The state an institution would have after a create or an update: what the rules judge. */
export interface InstitutionDraft {
  id: string | null;
  name: string;
  tier: InstitutionTier;
  kind: InstitutionKind;
  regionId: string;
  parentCenterId: string | null;
  contactPhone: string;
}

type Db = Kysely<InstitutionsDatabase> | Transaction<InstitutionsDatabase>;

/**
 * Every rule the issue names for an institution, checked together so the editor sees all field errors at
 * once: the region exists and lies in the actor's scope, tier fits kind, a center is at town level and under
 * no other center, a base school names an active center of its own town, names are unique within the town,
 * the phone is well-formed. Returns the errors and, when valid, the region's path (for the row's path).
 */
export async function checkInstitution(db: Db, actor: Actor, permission: string | null, draft: InstitutionDraft) {
  const errors: FieldError[] = [];
  const fail = (field: string, messageId: FieldError['messageId'], params?: Record<string, string | number>) =>
    errors.push({ field, code: messageId.split('.').pop()!, messageId, params });

  const place = await townOfRegion(db, draft.regionId);
  const regionPath = place?.region.path;
  // permission null: an update of a row already loaded in scope, whose region cannot change.
  if (!place || (permission !== null && !isInScope(actor, permission, place.region.path))) fail('regionId', 'network.institution.region_unknown');

  if (!tiersAllowedFor(draft.kind).includes(draft.tier)) fail('tier', 'network.institution.tier_kind_mismatch');

  if (draft.tier === 'center') {
    if (draft.parentCenterId) fail('parentCenterId', 'network.institution.center_under_center');
    if (place && place.region.level !== 'town') fail('regionId', 'network.institution.center_needs_town');
  } else if (!draft.parentCenterId) {
    if (draft.tier === 'base') fail('parentCenterId', 'network.institution.parent_required');
  } else {
    const parent = draft.parentCenterId === draft.id ? undefined : await db.selectFrom('institutions')
      .select(['id', 'tier', 'status', 'region_id']).where('id', '=', draft.parentCenterId).executeTakeFirst();
    if (!parent || parent.tier !== 'center' || parent.status !== 'active') fail('parentCenterId', 'network.institution.parent_unknown');
    else if (place && parent.region_id !== place.townId) fail('parentCenterId', 'network.institution.parent_other_town');
  }

  if (place && await nameTakenInTown(db, place.townId, draft.name.trim(), draft.id)) fail('name', 'network.institution.duplicate_name');
  if (draft.contactPhone !== '' && !PHONE_PATTERN.test(draft.contactPhone)) fail('contactPhone', 'network.institution.phone_format');

  return { errors, regionPath };
}

/** Names are unique within a town: among the town's own institutions and those of its villages. */
async function nameTakenInTown(db: Db, townId: string, name: string, exceptId: string | null): Promise<boolean> {
  const hit = await db.selectFrom('institutions as i').innerJoin('regions as r', 'r.id', 'i.region_id')
    .select('i.id')
    .where((eb) => eb.or([eb('r.id', '=', townId), eb('r.parent_id', '=', townId)]))
    .where(sql`trim(${sql.ref('i.name')})`, '=', name)
    .$if(exceptId !== null, (q) => q.where('i.id', '!=', exceptId!))
    .executeTakeFirst();
  return hit !== undefined;
}

/** Active institutions that name this one as their center. */
export async function countActiveMembers(db: Db, centerId: string): Promise<number> {
  const row = await db.selectFrom('institutions').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_center_id', '=', centerId).where('status', '=', 'active').executeTakeFirstOrThrow();
  return Number(row.n);
}
