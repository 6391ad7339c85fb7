import type { Actor } from '../../../core/access/actor.js';
import { rolesWith } from '../../../core/access/permissions.js';
import { isInScope } from '../../../core/access/scope.js';

/**
 * The region paths whose residents the actor may act for (代办): a region grant covers its region; an institution
 * grant covers the institution's own region (a village school its village, a town center its town).
 */
export function residentCoverPaths(actor: Actor, permission = 'learning.enrolment.manage'): string[] {
  const roles = rolesWith(permission);
  return actor.grants.filter((g) => roles.has(g.role)).map((g) =>
    g.scopeType === 'institution' ? g.scopePath.replace(/[^/]+\/$/, '') : g.scopePath);
}

export function coversResident(actor: Actor, residentHomePath: string): boolean {
  return residentCoverPaths(actor).some((p) => residentHomePath.startsWith(p));
}

/** Rosters: staff whose scope covers the class's institution, and the class's own teacher (not the institution's others). */
export function canReadRoster(actor: Actor, cls: { owner_path: string; teacher_user_id: string | null }): boolean {
  if (!actor.permissions.has('learning.enrolment.read')) return false;
  if (cls.teacher_user_id === actor.userId) return true;
  const roles = rolesWith('learning.enrolment.read');
  return actor.grants.some((g) => g.role !== 'teacher' && roles.has(g.role) && cls.owner_path.startsWith(g.scopePath));
}

export function canManageClassEnrolments(actor: Actor, ownerPath: string): boolean {
  return isInScope(actor, 'learning.enrolment.manage', ownerPath);
}
