import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor } from '../../../core/access/actor.js';
import { rolesWith } from '../../../core/access/permissions.js';
import { isInScope, pathUnder } from '../../../core/access/scope.js';

/**
 * Who sees which classes. Teachers hold their role on a whole institution, but read only the classes they teach;
 * every other reader sees everything under the paths of their grants. Lists and single reads use the same rule.
 */
export interface ClassReadScope { full: string[]; teacherOnly: string[]; userId: string }

export function classReadScope(actor: Actor, permission: string): ClassReadScope {
  const roles = rolesWith(permission);
  const grants = actor.grants.filter((g) => roles.has(g.role));
  const full = grants.filter((g) => g.role !== 'teacher').map((g) => g.scopePath);
  const teacherOnly = grants.filter((g) => g.role === 'teacher').map((g) => g.scopePath)
    .filter((p) => !full.some((f) => p.startsWith(f)));
  return { full: full.filter((p) => !full.some((o) => o !== p && p.startsWith(o))), teacherOnly, userId: actor.userId };
}

export function canReadClass(scope: ClassReadScope, row: { owner_path: string; teacher_user_id: string | null }): boolean {
  if (scope.full.some((p) => row.owner_path.startsWith(p))) return true;
  return row.teacher_user_id === scope.userId && scope.teacherOnly.some((p) => row.owner_path.startsWith(p));
}

/** The same rule in SQL, for a table alias with owner_path and teacher_user_id. */
export function classReadFilter(scope: ClassReadScope, alias: string): Expression<SqlBool> {
  const owner = sql.ref(`${alias}.owner_path`);
  if (scope.teacherOnly.length === 0) return pathUnder(owner, scope.full);
  return sql<SqlBool>`(${pathUnder(owner, scope.full)} or (${pathUnder(owner, scope.teacherOnly)} and ${sql.ref(`${alias}.teacher_user_id`)} = ${scope.userId}))`;
}

export function canManage(actor: Actor, permission: 'learning.course.manage' | 'learning.class.manage', ownerPath: string): boolean {
  return isInScope(actor, permission, ownerPath);
}
