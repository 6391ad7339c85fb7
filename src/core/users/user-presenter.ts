import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Actor } from '../access/actor.js';
import type { FieldCrypto } from '../pii/field-crypto.js';
import { maskIdNumber, maskPhone } from '../pii/mask.js';
import { grantsOfUsers, type UserRow } from './user-repository.js';
import { scopeNames } from '../regions/region-repository.js';
import { userAbilities } from './user-policy.js';
import { homeRegionIds } from './resident-profile.js';
import type { Role } from '../access/roles.js';

/** Users as the API shows them: personal fields masked by the server, with what the caller may do to each. */
export async function presentUsers(db: Kysely<Database>, crypto: FieldCrypto, actor: Actor, rows: UserRow[], nowIso: string) {
  const grantRows = await grantsOfUsers(db, rows.map((r) => r.id));
  const names = await scopeNames(db, [...grantRows.map((g) => g.scope_id), ...rows.flatMap((r) => [r.home_scope_id, ...homeRegionIds(r.home_path)])]);
  // A resident living in a village shows as "柳泉镇 · 东山村", so a town admin's list says where each one lives.
  const homeName = (row: UserRow) => row.home_scope_type === 'region'
    ? homeRegionIds(row.home_path).map((id) => names.get(id) ?? id).join(' · ')
    : names.get(row.home_scope_id) ?? row.home_scope_id;
  return rows.map((row) => {
    const grants = grantRows.filter((g) => g.user_id === row.id);
    const status = row.status === 'disabled' ? 'disabled' : row.locked_until && row.locked_until > nowIso ? 'locked' : 'active';
    return {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      kind: row.kind,
      status: status as 'active' | 'disabled' | 'locked',
      phone: row.phone_enc ? maskPhone(crypto.decrypt(row.phone_enc)) : null,
      idNumber: row.id_number_enc ? maskIdNumber(crypto.decrypt(row.id_number_enc)) : null,
      roles: grants.map((g) => ({ role: g.role, scopeType: g.scope_type, scopeId: g.scope_id, scopeName: names.get(g.scope_id) ?? g.scope_id })),
      homeScope: { type: row.home_scope_type, id: row.home_scope_id, name: homeName(row) },
      mfaEnabled: row.mfa_enabled === 1,
      createdAt: row.created_at,
      lastLoginAt: row.last_login_at,
      abilities: userAbilities(actor, {
        id: row.id, home_path: row.home_path, status: row.status,
        grants: grants.map((g) => ({ role: g.role as Role, scopePath: g.scope_path })),
      }),
    };
  });
}
export type UserSummary = Awaited<ReturnType<typeof presentUsers>>[number];
