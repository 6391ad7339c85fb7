import type { Actor, RequestContext } from '../../../core/access/actor.js';
import { appendAudit } from '../../../core/audit/audit-log.js';
import type { CoreContext } from '../../../core/context.js';
import { AppError, invalidField, notFound } from '../../../core/http/errors.js';
import { newId } from '../../../core/ids.js';
import { validateIdNumber } from '../../../core/pii/id-number.js';
import { normalizeUsername } from '../../../core/users/user-fields.js';
import { enrol, type Consent, type EnrolResult } from './enrol.js';
import { coversResident } from './enrolment-policy.js';
import { enrolmentDb } from './enrolment-schema.js';

export interface ResidentRef { idNumber?: string; userId?: string }

/** The consent must be real: a method, and a time not in the future. */
export function checkConsent(core: CoreContext, consent: Consent | undefined): Consent {
  if (!consent) throw invalidField('consent', 'learning.enrolment.consent_required', 'required');
  const at = Date.parse(consent.at);
  if (Number.isNaN(at)) throw invalidField('consent.at', 'learning.enrolment.consent_required', 'format');
  if (at > core.clock.now().getTime()) throw invalidField('consent.at', 'learning.enrolment.consent_future', 'future');
  return { method: consent.method, note: consent.note.trim(), at: new Date(at).toISOString() };
}

/** A resident the actor may act for, by ID number (its look-up hash) or account id; 404 outside the actor's regions. */
export async function findCoveredResident(core: CoreContext, actor: Actor, ref: ResidentRef) {
  const db = enrolmentDb(core);
  let q = db.selectFrom('users').select(['id', 'display_name', 'home_path']).where('kind', '=', 'resident').where('status', '=', 'active');
  if (ref.idNumber) {
    const id = validateIdNumber(ref.idNumber, core.clock.now());
    if (!id.ok) throw invalidField('idNumber', 'learning.enrolment.id_number_invalid', id.reason);
    q = q.where('id_number_hash', '=', core.fieldCrypto.lookupHash(id.value));
  } else if (ref.userId) {
    q = q.where('id', '=', ref.userId);
  } else {
    throw invalidField('idNumber', 'learning.enrolment.resident_required', 'required');
  }
  const user = await q.executeTakeFirst();
  if (!user || !coversResident(actor, user.home_path)) throw notFound('learning.enrolment.resident_unknown');
  return user;
}

/** 代办 by staff whose regions cover the resident: the same rules and limits as online, with the consent recorded. */
export async function proxyEnrol(core: CoreContext, ctx: RequestContext & { actor: Actor }, classId: string,
  body: ResidentRef & { consent?: Consent }): Promise<EnrolResult> {
  const consent = checkConsent(core, body.consent);
  const resident = await findCoveredResident(core, ctx.actor, body);
  return enrol(core, ctx, { classId, userId: resident.id, source: 'proxy', actedBy: ctx.actor.userId, consent, audited: true });
}

/** A family member enrolling a relative: only with a standing authorisation; the link's consent goes on the record. */
export async function familyEnrol(core: CoreContext, ctx: RequestContext & { actor: Actor }, classId: string, forUserId: string): Promise<EnrolResult> {
  const link = await enrolmentDb(core).selectFrom('learning_proxy_links').select(['consent_method', 'consent_note', 'consent_at'])
    .where('proxy_user_id', '=', ctx.actor.userId).where('resident_id', '=', forUserId).where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  if (!link) throw new AppError(403, 'learning.enrolment.no_proxy_link');
  return enrol(core, ctx, {
    classId, userId: forUserId, source: 'proxy', actedBy: ctx.actor.userId, audited: false,
    consent: { method: link.consent_method, note: link.consent_note, at: link.consent_at },
  });
}

/** Staff record a senior's standing consent that one relative's account may enrol them. */
export async function createProxyLink(core: CoreContext, ctx: RequestContext & { actor: Actor },
  body: ResidentRef & { proxyUsername: string; consent?: Consent }): Promise<string> {
  const consent = checkConsent(core, body.consent);
  const resident = await findCoveredResident(core, ctx.actor, body);
  const db = enrolmentDb(core);
  const proxy = await db.selectFrom('users').select(['id']).where('username', '=', normalizeUsername(body.proxyUsername))
    .where('kind', '=', 'resident').where('status', '=', 'active').executeTakeFirst();
  if (!proxy) throw invalidField('proxyUsername', 'learning.proxy_link.proxy_unknown', 'unknown');
  if (proxy.id === resident.id) throw invalidField('proxyUsername', 'learning.enrolment.proxy_self', 'self');
  const now = core.clock.now();
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('learning_proxy_links').values({
      id, resident_id: resident.id, proxy_user_id: proxy.id, consent_method: consent.method, consent_note: consent.note,
      consent_at: consent.at, created_by: ctx.actor.userId, created_at: now.toISOString(), revoked_at: null,
    }).execute();
    await appendAudit(trx, ctx, { action: 'learning.proxy_link.create', targetType: 'learning_proxy_link', targetId: id,
      after: { residentId: resident.id, proxyUserId: proxy.id, consentMethod: consent.method } }, now);
  });
  return id;
}

export async function revokeProxyLink(core: CoreContext, ctx: RequestContext & { actor: Actor }, id: string) {
  const db = enrolmentDb(core);
  const link = await db.selectFrom('learning_proxy_links').innerJoin('users', 'users.id', 'learning_proxy_links.resident_id')
    .select(['learning_proxy_links.id', 'learning_proxy_links.revoked_at', 'users.home_path'])
    .where('learning_proxy_links.id', '=', id).executeTakeFirst();
  if (!link || !coversResident(ctx.actor, link.home_path)) throw notFound('learning.proxy_link.not_found');
  if (link.revoked_at) return;
  const now = core.clock.now();
  await db.transaction().execute(async (trx) => {
    const r = await trx.updateTable('learning_proxy_links').set({ revoked_at: now.toISOString() })
      .where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return;
    await appendAudit(trx, ctx, { action: 'learning.proxy_link.revoke', targetType: 'learning_proxy_link', targetId: id,
      before: { revokedAt: null }, after: { revokedAt: now.toISOString() } }, now);
  });
}
