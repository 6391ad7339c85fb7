import type { CoreContext } from '../../context.js';
import { newUserRow } from '../new-user-row.js';
import type { RequestContext, Actor } from '../../access/actor.js';
import { newId } from '../../ids.js';
import { hashPassword } from '../../auth/password-hash.js';
import { appendAudit } from '../../audit/audit-log.js';
import { conflict, invalid, invalidField, type FieldError } from '../../http/errors.js';
import { checkGrants, type RequestedGrant } from '../role-grants.js';
import { protectIdNumber } from '../personal-id.js';
import { MOBILE_PATTERN, USERNAME_PATTERN, generateOneTimePassword, normalizePhone, normalizeUsername } from '../user-fields.js';

export interface CreateStaffInput { username: string; displayName: string; phone?: string; idNumber?: string; roles: RequestedGrant[] }

/**
 * Creates a staff account with a one-time password that must be changed at first login. The account's
 * home scope is the scope of its first role, so whoever manages that scope manages the account.
 */
export async function createStaffUser(core: CoreContext, ctx: RequestContext & { actor: Actor }, input: CreateStaffInput) {
  const username = normalizeUsername(input.username);
  const errors: FieldError[] = [];
  if (!USERNAME_PATTERN.test(username) || MOBILE_PATTERN.test(username)) {
    errors.push({ field: 'username', code: 'format', messageId: 'user.username_format' });
  }
  const phone = input.phone ? normalizePhone(input.phone) : null;
  if (phone !== null && !MOBILE_PATTERN.test(phone)) errors.push({ field: 'phone', code: 'format', messageId: 'user.phone_format' });
  if (input.roles.length === 0) errors.push({ field: 'roles', code: 'required', messageId: 'user.no_roles' });
  if (errors.length > 0) throw invalid(errors);

  const initialPassword = generateOneTimePassword();
  const passwordHash = await hashPassword(initialPassword);
  const now = core.clock.now();
  const at = now.toISOString();

  const userId = await core.db.transaction().execute(async (trx) => {
    const grants = await checkGrants(trx, ctx.actor, input.roles);
    const taken = await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (taken) throw conflict('auth.username_taken');
    const phoneHash = phone ? core.fieldCrypto.lookupHash(phone) : null;
    if (phoneHash && await trx.selectFrom('users').select('id').where('phone_hash', '=', phoneHash).executeTakeFirst()) {
      throw invalidField('phone', 'user.phone_taken', 'taken');
    }
    const idNumber = await protectIdNumber(trx, core.fieldCrypto, input.idNumber ?? null, 'idNumber', null, now);
    const home = grants[0].scope;
    const id = newId();
    await trx.insertInto('users').values(newUserRow({
      id, username, display_name: input.displayName.trim(), kind: 'staff', password_hash: passwordHash, password_change_required: 1,
      phone_enc: phone ? core.fieldCrypto.encrypt(phone) : null, phone_hash: phoneHash,
      id_number_enc: idNumber.id_number_enc, id_number_hash: idNumber.id_number_hash, birth_date: idNumber.birth_date,
      home_scope_type: home.type, home_scope_id: home.id, home_path: home.path,
    }, at)).execute();
    for (const g of grants) {
      await trx.insertInto('role_assignments').values({
        id: newId(), user_id: id, role: g.role, scope_type: g.scope.type, scope_id: g.scope.id,
        scope_path: g.scope.path, created_at: at,
      }).execute();
    }
    await appendAudit(trx, ctx, {
      action: 'user.create', targetType: 'user', targetId: id,
      after: { username, displayName: input.displayName, phone, idNumber: idNumber.plain, roles: grants.map((g) => `${g.role}@${g.scope.type}:${g.scope.id}`) },
    }, now);
    return id;
  });
  return { userId, initialPassword };
}
