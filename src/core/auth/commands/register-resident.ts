import crypto from 'node:crypto';
import { newUserRow } from '../../users/new-user-row.js';
import type { CoreContext } from '../../context.js';
import type { RequestContext } from '../../access/actor.js';
import { appendAudit } from '../../audit/audit-log.js';
import { AppError, conflict, invalid, type FieldError } from '../../http/errors.js';
import { newId } from '../../ids.js';
import { maskPhone } from '../../pii/mask.js';
import { hashPassword } from '../password-hash.js';
import { checkPassword } from '../password-policy.js';
import { createSession } from '../sessions.js';
import { cityRegion } from '../../regions/region-repository.js';
import { MOBILE_PATTERN, USERNAME_PATTERN, normalizePhone, normalizeUsername } from '../../users/user-fields.js';
import { passwordFieldErrors } from './password-errors.js';
import { normalizeIdNumber } from '../../pii/id-number.js';
import { planProfile, type ProfileInput, type ProfilePlan } from '../../users/resident-profile.js';
import { checkRegistrationConsent, recordRegistrationConsents, type ConsentInput, type ConsentPlan } from '../../consent/registration-consent.js';
import { consentTrx, type ConsentChannel } from '../../consent/consent-schema.js';

export interface RegisterInput extends Pick<ProfileInput, 'idNumber' | 'birthDate' | 'homeTownId' | 'homeVillageId'> {
  username?: string; phone?: string; password: string; realName?: string;
  /** The privacy notice and, where needed, the separate ID-number and guardian consents (PIPL 14, 29, 31). */
  consent: ConsentInput;
}

/**
 * A resident signs up with a username or a mobile number. A mobile number is stored encrypted and never
 * becomes the login name, so it does not show up in lists or logs; the resident can still log in with it.
 * The ID number, birth date and home town/village are optional; the home decides which town's classes and
 * surveys reach the resident (without one they live in the whole city). The resident ROLE stays city-wide.
 * Without the consents the sign-up needs, nothing is written (400 naming each missing box).
 */
export async function registerResident(core: CoreContext, ctx: RequestContext, input: RegisterInput,
  meta: { userAgent: string | null; channel: ConsentChannel }) {
  const errors: FieldError[] = [];
  const rawLogin = input.username?.trim() ?? '';
  const phone = input.phone ? normalizePhone(input.phone) : MOBILE_PATTERN.test(normalizePhone(rawLogin)) ? normalizePhone(rawLogin) : null;
  const username = rawLogin && !MOBILE_PATTERN.test(normalizePhone(rawLogin)) ? normalizeUsername(rawLogin) : null;
  if (!username && !phone) errors.push({ field: 'username', code: 'required', messageId: 'field.required' });
  if (username && !USERNAME_PATTERN.test(username)) errors.push({ field: 'username', code: 'format', messageId: 'user.username_format' });
  if (input.phone && !MOBILE_PATTERN.test(phone ?? '')) errors.push({ field: 'phone', code: 'format', messageId: 'user.phone_format' });
  errors.push(...passwordFieldErrors('password', checkPassword(input.password, {
    kind: 'resident', username: username ?? undefined, phone: phone ?? undefined, idNumber: input.idNumber?.trim() ? normalizeIdNumber(input.idNumber) : undefined,
  })));
  const city = await cityRegion(core.db);
  if (!city) throw conflict('auth.register_closed');
  const now = core.clock.now();
  let profile: ProfilePlan | null = null;
  try {
    profile = await planProfile(core.db, core.fieldCrypto, {
      userId: null, realName: null, idNumber: null, birthDate: null,
      home: { home_scope_type: 'city', home_scope_id: city.id, home_path: city.path },
    }, { idNumber: input.idNumber, birthDate: input.birthDate, homeTownId: input.homeTownId, homeVillageId: input.homeVillageId }, { now, homeEditable: true });
  } catch (error) {
    if (!(error instanceof AppError) || !error.fieldErrors) throw error;
    errors.push(...error.fieldErrors);
  }
  const consent = checkRegistrationConsent(input.consent, {
    idNumberGiven: Boolean(input.idNumber?.trim()), birthDate: profile?.columns.birth_date ?? null, now,
  });
  errors.push(...consent.errors);
  if (errors.length > 0 || !profile || !consent.plan) throw invalid(errors);
  const consentPlan: ConsentPlan = consent.plan;
  const { columns, after } = profile;

  const passwordHash = await hashPassword(input.password);
  const at = now.toISOString();
  return core.db.transaction().execute(async (trx) => {
    const loginName = username ?? `m${crypto.randomBytes(6).toString('hex')}`;
    const phoneHash = phone ? core.fieldCrypto.lookupHash(phone) : null;
    const clash = await trx.selectFrom('users').select('id')
      .where((eb) => phoneHash ? eb.or([eb('username', '=', loginName), eb('phone_hash', '=', phoneHash)]) : eb('username', '=', loginName))
      .executeTakeFirst();
    if (clash) throw conflict('auth.username_taken');
    const id = newId();
    const displayName = input.realName?.trim() || username || maskPhone(phone!)!;
    await trx.insertInto('users').values(newUserRow({
      id, username: loginName, display_name: displayName, kind: 'resident', password_hash: passwordHash,
      phone_enc: phone ? core.fieldCrypto.encrypt(phone) : null, phone_hash: phoneHash, real_name: input.realName?.trim() || null,
      home_scope_type: 'city', home_scope_id: city.id, home_path: city.path, last_login_at: at,
      ...columns,
    }, at)).execute();
    await trx.insertInto('role_assignments').values({
      id: newId(), user_id: id, role: 'resident', scope_type: 'city', scope_id: city.id, scope_path: city.path, created_at: at,
    }).execute();
    const consents = await recordRegistrationConsents(consentTrx(trx), core.fieldCrypto, id, consentPlan, meta.channel, at);
    await appendAudit(trx, { ...ctx }, {
      action: 'user.register', targetType: 'user', targetId: id, actorOverride: { id, name: loginName },
      after: { username: loginName, phone, realName: input.realName ?? null, ...after, ...consents },
    }, now);
    const session = await createSession(trx, { id, kind: 'resident' }, now, { ip: ctx.ip, userAgent: meta.userAgent });
    return { userId: id, session };
  });
}
