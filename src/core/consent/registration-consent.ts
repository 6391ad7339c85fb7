import type { FieldError } from '../http/errors.js';
import type { FieldCrypto } from '../pii/field-crypto.js';
import { newId } from '../ids.js';
import { MOBILE_PATTERN, normalizePhone } from '../users/user-fields.js';
import { chinaToday } from '../users/resident-profile.js';
import { currentNotice } from './privacy-notice.js';
import { fourteenthBirthday, needsGuardian } from './minor.js';
import { GUARDIAN_RELATIONS, type ConsentChannel, type ConsentDb, type GuardianRelation } from './consent-schema.js';
import './i18n/messages.js';

/** What the sign-up form or the JSON body says about consent; every box starts unticked. */
export interface ConsentInput {
  privacyNotice?: boolean;
  /** The notice version the person was shown (and accepts). */
  noticeVersion?: number;
  sensitivePi?: boolean;
  guardian?: { name?: string; relation?: string; phone?: string; consent?: boolean };
}

export interface ConsentPlan {
  noticeVersion: number;
  sensitivePi: boolean;
  guardian: { name: string; relation: GuardianRelation; phone: string; minorUntil: string } | null;
}

const blank = (s: string | undefined) => !s || s.trim() === '';

/**
 * The consents a sign-up needs: the privacy notice (the version in force) always; the separate sensitive-PI consent
 * when an ID number is given; a guardian's details and consent when the birth date (from the ID number or declared)
 * is under 14 on the day of sign-up. Returns the field errors, or the plan when there are none.
 */
export function checkRegistrationConsent(input: ConsentInput, facts: { idNumberGiven: boolean; birthDate: string | null; now: Date }):
  { errors: FieldError[]; plan: ConsentPlan | null } {
  const errors: FieldError[] = [];
  const notice = currentNotice();
  if (input.privacyNotice !== true) errors.push({ field: 'privacyConsent', code: 'required', messageId: 'consent.privacy_required' });
  else if (input.noticeVersion !== notice.version) errors.push({ field: 'privacyConsent', code: 'outdated', messageId: 'consent.notice_outdated' });
  const sensitivePi = facts.idNumberGiven;
  if (sensitivePi && input.sensitivePi !== true) errors.push({ field: 'sensitiveConsent', code: 'required', messageId: 'consent.sensitive_required' });

  let guardian: ConsentPlan['guardian'] = null;
  if (facts.birthDate && needsGuardian(facts.birthDate, chinaToday(facts.now))) {
    const g = input.guardian ?? {};
    const phone = normalizePhone(g.phone ?? '');
    const relation = GUARDIAN_RELATIONS.find((r) => r === g.relation);
    const before = errors.length;
    if (blank(g.name)) errors.push({ field: 'guardianName', code: 'required', messageId: 'consent.guardian_name_required' });
    if (!relation) errors.push({ field: 'guardianRelation', code: 'required', messageId: 'consent.guardian_relation_required' });
    if (!MOBILE_PATTERN.test(phone)) errors.push({ field: 'guardianPhone', code: 'format', messageId: 'consent.guardian_phone_invalid' });
    if (g.consent !== true) errors.push({ field: 'guardianConsent', code: 'required', messageId: 'consent.guardian_consent_required' });
    if (errors.length === before) guardian = { name: g.name!.trim(), relation: relation!, phone, minorUntil: fourteenthBirthday(facts.birthDate) };
    else errors.unshift({ field: 'guardian', code: 'required', messageId: 'consent.guardian_required' });
  }
  return errors.length > 0 ? { errors, plan: null } : { errors, plan: { noticeVersion: notice.version, sensitivePi, guardian } };
}

/** Writes the consent rows of a new account in the sign-up's transaction; returns what the audit entry records. */
export async function recordRegistrationConsents(trx: ConsentDb, crypto: FieldCrypto, userId: string, plan: ConsentPlan,
  channel: ConsentChannel, at: string) {
  const row = (purpose: 'privacy_notice' | 'sensitive_pi' | 'guardian') =>
    ({ id: newId(), user_id: userId, purpose, notice_version: plan.noticeVersion, channel, given_at: at, withdrawn_at: null });
  const rows = [row('privacy_notice'), ...(plan.sensitivePi ? [row('sensitive_pi')] : []), ...(plan.guardian ? [row('guardian')] : [])];
  await trx.insertInto('consents').values(rows).execute();
  if (plan.guardian) {
    await trx.insertInto('consent_guardians').values({
      user_id: userId, consent_id: rows[rows.length - 1].id, guardian_name: plan.guardian.name, guardian_relation: plan.guardian.relation,
      guardian_phone_enc: crypto.encrypt(plan.guardian.phone), minor_until: plan.guardian.minorUntil, created_at: at,
    }).execute();
  }
  // Not the 14th birthday: it would put the birth date into the audit log unmasked.
  return { noticeVersion: plan.noticeVersion, consents: rows.map((r) => r.purpose), channel, minor: plan.guardian !== null };
}
