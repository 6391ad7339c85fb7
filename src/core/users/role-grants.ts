import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Actor } from '../access/actor.js';
import { INCOMPATIBLE_ROLES, ROLE_SCOPE_TYPES, isRole, type Role, type ScopeType } from '../access/roles.js';
import { resolveScope, type ResolvedScope } from '../regions/region-repository.js';
import { AppError, invalidField } from '../http/errors.js';
import { canGrantRole } from './user-policy.js';

export interface RequestedGrant { role: string; scopeType: ScopeType; scopeId: string }
export interface CheckedGrant { role: Role; scope: ResolvedScope }

/**
 * Turns requested role grants into checked ones: each role exists, takes that kind of scope, the scope
 * exists, the actor may grant that role there, and no incompatible pair ends up on one account.
 */
export async function checkGrants(trx: Transaction<Database>, actor: Actor, requested: RequestedGrant[]): Promise<CheckedGrant[]> {
  const checked: CheckedGrant[] = [];
  for (const [i, g] of requested.entries()) {
    const field = `roles.${i}`;
    if (!isRole(g.role) || g.role === 'resident') throw invalidField(`${field}.role`, 'user.role_not_grantable', 'role', { role: g.role });
    if (!ROLE_SCOPE_TYPES[g.role].includes(g.scopeType)) throw invalidField(`${field}.scopeType`, 'user.scope_type_invalid', 'scope_type');
    const scope = await resolveScope(trx, g.scopeType, g.scopeId);
    if (!scope) throw invalidField(`${field}.scopeId`, 'user.scope_unknown', 'scope_unknown');
    if (!canGrantRole(actor, g.role, scope.path)) {
      throw new AppError(403, 'user.role_not_grantable', { role: g.role });
    }
    if (!checked.some((c) => c.role === g.role && c.scope.id === scope.id)) checked.push({ role: g.role, scope });
  }
  const roles = new Set(checked.map((c) => c.role));
  for (const [a, b] of INCOMPATIBLE_ROLES) {
    if (roles.has(a) && roles.has(b)) throw invalidField('roles', 'user.separation_of_duties', 'separation_of_duties');
  }
  return checked;
}
