import type { Actor, Grant } from '../access/actor.js';
import { isInScope } from '../access/scope.js';
import { GRANTABLE_ROLES, type Role } from '../access/roles.js';

/** Named predicates the user routes are built from; each answers for one actor and one target. */
export function canGrantRole(actor: Actor, role: Role, scopePath: string): boolean {
  return actor.grants.some((g) => (GRANTABLE_ROLES[g.role] ?? []).includes(role) && scopePath.startsWith(g.scopePath));
}

/** The actor manages the target when it is in scope and every role the target holds is one the actor could grant. */
export function outranks(actor: Actor, targetGrants: Pick<Grant, 'role' | 'scopePath'>[]): boolean {
  return targetGrants.every((g) => g.role === 'resident' || canGrantRole(actor, g.role, g.scopePath));
}

interface Target { id: string; home_path: string; status: string; grants: Pick<Grant, 'role' | 'scopePath'>[] }

export function canSeeUser(actor: Actor, target: Pick<Target, 'home_path'>): boolean {
  return isInScope(actor, 'core.user.read', target.home_path);
}

function canManage(actor: Actor, permission: string, target: Target): boolean {
  return isInScope(actor, permission, target.home_path) && outranks(actor, target.grants);
}

export function userAbilities(actor: Actor, target: Target) {
  const self = actor.userId === target.id;
  const update = canManage(actor, 'core.user.update', target);
  return {
    update,
    disable: update && !self && target.status === 'active',
    enable: update && !self && target.status === 'disabled',
    resetPassword: update && !self,
    assignRoles: !self && canManage(actor, 'core.user.assign_roles', target),
    reveal: isInScope(actor, 'core.user.reveal_pii', target.home_path),
  };
}
export type UserAbilities = ReturnType<typeof userAbilities>;
