import type { CoreContext } from '../../context.js';
import type { RequestContext, Actor } from '../../access/actor.js';
import type { FieldCrypto } from '../../pii/field-crypto.js';
import { appendAudit } from '../../audit/audit-log.js';
import { AppError, invalid, unauthorized, type FieldError } from '../../http/errors.js';
import { maskIdNumber } from '../../pii/mask.js';
import { normalizeIdNumber } from '../../pii/id-number.js';
import { findUserById, type UserRow } from '../../users/user-repository.js';
import { homeRegionIds, planProfile, type ProfileInput, type ProfilePlan, type StoredProfile } from '../../users/resident-profile.js';
import { reauthenticate } from './reauthenticate.js';
import { activeConsent, guardianOf, recordConsent } from '../../consent/consent-repository.js';
import { needsGuardian } from '../../consent/minor.js';
import { consentDb, consentTrx, type ConsentChannel } from '../../consent/consent-schema.js';
import { chinaToday } from '../../users/resident-profile.js';

export interface OwnProfile {
  realName: string | null;
  /** Masked: the full number is never read back. */
  idNumber: string | null;
  birthDate: string | null;
  /** True when the birth date is the one the ID number encodes (so it is not edited on its own). */
  birthDateFromIdNumber: boolean;
  homeTownId: string | null;
  homeTownName: string | null;
  homeVillageId: string | null;
  homeVillageName: string | null;
  /** Residents say where they live; a staff account's home follows its roles. */
  homeEditable: boolean;
}

function storedProfileOf(crypto: FieldCrypto, user: UserRow): StoredProfile {
  return {
    userId: user.id, realName: user.real_name, birthDate: user.birth_date,
    idNumber: user.id_number_enc ? crypto.decrypt(user.id_number_enc) : null,
    home: { home_scope_type: user.home_scope_type, home_scope_id: user.home_scope_id, home_path: user.home_path },
  };
}

async function presentProfile(core: CoreContext, user: UserRow): Promise<OwnProfile> {
  const ids = homeRegionIds(user.home_path);
  const regions = ids.length > 0
    ? await core.db.selectFrom('regions').select(['id', 'name', 'level']).where('id', 'in', ids).execute()
    : [];
  const town = regions.find((r) => r.level === 'town');
  const village = regions.find((r) => r.level === 'village');
  return {
    realName: user.real_name,
    idNumber: user.id_number_enc ? maskIdNumber(core.fieldCrypto.decrypt(user.id_number_enc)) : null,
    birthDate: user.birth_date,
    birthDateFromIdNumber: user.id_number_enc !== null,
    homeTownId: town?.id ?? null, homeTownName: town?.name ?? null,
    homeVillageId: village?.id ?? null, homeVillageName: village?.name ?? null,
    homeEditable: user.kind === 'resident',
  };
}

export async function loadOwnProfile(core: CoreContext, actor: Actor): Promise<OwnProfile> {
  const user = await findUserById(core.db, actor.userId);
  if (!user) throw unauthorized();
  return presentProfile(core, user);
}

/**
 * The signed-in person edits their own profile. Setting, replacing or removing the ID number needs the current
 * password (a borrowed session must not tie someone's ID to the account); a wrong one counts like a failed login.
 * The change is audited with the ID number masked.
 */
export async function updateOwnProfile(core: CoreContext, ctx: RequestContext & { actor: Actor },
  input: ProfileInput & { currentPassword?: string; sensitivePiConsent?: boolean }, channel: ConsentChannel = 'api'): Promise<OwnProfile> {
  const user = await findUserById(core.db, ctx.actor.userId);
  if (!user) throw unauthorized();
  const now = core.clock.now();
  const stored = storedProfileOf(core.fieldCrypto, user);
  const errors: FieldError[] = [];
  let plan: ProfilePlan | null = null;
  try {
    plan = await planProfile(core.db, core.fieldCrypto, stored, input, { now, homeEditable: user.kind === 'resident' });
  } catch (error) {
    if (!(error instanceof AppError) || !error.fieldErrors) throw error;
    errors.push(...error.fieldErrors);
  }
  const wantedId = input.idNumber == null || input.idNumber.trim() === '' ? null : normalizeIdNumber(input.idNumber);
  const idTouched = input.idNumber !== undefined && wantedId !== stored.idNumber;
  if (idTouched && !input.currentPassword) {
    errors.push({ field: 'currentPassword', code: 'required', messageId: 'user.profile.password_required' });
  }
  // The same consents as at sign-up (PIPL 29, 31): a separate one for the ID number, and a guardian's for a child.
  const givesIdNumber = plan?.idNumberChanged === true && wantedId !== null;
  const needsSensitiveConsent = givesIdNumber && !(await activeConsent(consentDb(core), user.id, 'sensitive_pi'));
  if (needsSensitiveConsent && input.sensitivePiConsent !== true) {
    errors.push({ field: 'sensitiveConsent', code: 'required', messageId: 'consent.sensitive_required' });
  }
  const birthDate = plan && 'birth_date' in plan.columns ? plan.columns.birth_date ?? null : null;
  if (birthDate && needsGuardian(birthDate, chinaToday(now)) && !(await guardianOf(consentDb(core), user.id))) {
    errors.push({ field: givesIdNumber ? 'idNumber' : 'birthDate', code: 'guardian', messageId: 'consent.guardian_profile' });
  }
  if (errors.length > 0 || !plan) throw invalid(errors);
  const { columns, before, after, idNumberChanged } = plan;
  if (idNumberChanged) await reauthenticate(core, ctx, input.currentPassword!, 'profile_id_number', 'currentPassword');

  if (Object.keys(columns).length === 0) return presentProfile(core, user);
  // A resident's shown name is their real name when they give one (as at sign-up); staff names are set by admins.
  const displayName = user.kind === 'resident' && columns.real_name ? columns.real_name : undefined;
  await core.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ ...columns, ...(displayName ? { display_name: displayName } : {}), updated_at: now.toISOString() })
      .where('id', '=', user.id).execute();
    if (needsSensitiveConsent) {
      await recordConsent(consentTrx(trx), user.id, 'sensitive_pi', channel, now.toISOString());
    }
    await appendAudit(trx, ctx, { action: 'user.profile.update', targetType: 'user', targetId: user.id, before,
      after: needsSensitiveConsent ? { ...after, consents: ['sensitive_pi'] } : after }, now);
  });
  return presentProfile(core, (await findUserById(core.db, user.id))!);
}
