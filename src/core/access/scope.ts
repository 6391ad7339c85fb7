import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor } from './actor.js';
import { rolesWith } from './permissions.js';
import { startsWith } from '../db/text-match.js';

/** The scope paths under which the actor holds a permission (empty: nowhere). */
export function scopePathsFor(actor: Actor, permission: string): string[] {
  const roles = rolesWith(permission);
  const paths = actor.grants.filter((g) => roles.has(g.role)).map((g) => g.scopePath);
  // Drop paths already covered by a broader one so SQL filters stay short.
  return paths.filter((p) => !paths.some((other) => other !== p && p.startsWith(other)));
}

export function isInScope(actor: Actor, permission: string, path: string): boolean {
  return scopePathsFor(actor, permission).some((scope) => path.startsWith(scope));
}

/** SQL for "column lies under one of these scope paths", so scoped lists are filtered in the database. */
export function pathUnder(column: Expression<string> | ReturnType<typeof sql.ref>, paths: string[]): Expression<SqlBool> {
  if (paths.length === 0) return sql<SqlBool>`1 = 0`;
  const tests = paths.map((p) => startsWith(column, p));
  return sql<SqlBool>`(${sql.join(tests, sql` or `)})`;
}

