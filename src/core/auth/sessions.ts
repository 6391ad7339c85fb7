import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Actor, Grant } from '../access/actor.js';
import type { CoreContext } from '../context.js';
import { permissionsOf } from '../access/permissions.js';
import type { Role } from '../access/roles.js';
import { newToken, sha256 } from '../ids.js';
import { addMs } from '../time.js';
import { SESSION_POLICY } from './session-policy.js';
import { ttlCache } from '../ttl-cache.js';

export interface NewSession { token: string; csrfToken: string }

export async function createSession(db: Kysely<Database>, user: { id: string; kind: 'staff' | 'resident' },
  now: Date, meta: { ip: string | null; userAgent: string | null }): Promise<NewSession> {
  const token = newToken();
  const csrfToken = newToken();
  const at = now.toISOString();
  await db.insertInto('sessions').values({
    id_hash: sha256(token), user_id: user.id, csrf_token: csrfToken, kind: user.kind, created_at: at,
    last_seen_at: at, absolute_expires_at: addMs(at, SESSION_POLICY.absoluteMs),
    ip: meta.ip, user_agent: meta.userAgent?.slice(0, 300) ?? null,
  }).execute();
  return { token, csrfToken };
}

export async function revokeSession(db: Kysely<Database>, token: string) {
  await db.deleteFrom('sessions').where('id_hash', '=', sha256(token)).execute();
}

/** Ends every session of a user: on disabling, a role change or a password reset. */
export async function revokeUserSessions(db: Kysely<Database>, userId: string, exceptIdHash?: string) {
  await db.deleteFrom('sessions').where('user_id', '=', userId)
    .$if(Boolean(exceptIdHash), (q) => q.where('id_hash', '!=', exceptIdHash!)).execute();
}

/** A user's grants with their scopes' names, in one query (it runs on every request). */
export async function loadGrants(db: Kysely<Database>, userId: string): Promise<Grant[]> {
  const rows = await db.selectFrom('role_assignments')
    .leftJoin('regions', 'regions.id', 'role_assignments.scope_id')
    .leftJoin('institutions', 'institutions.id', 'role_assignments.scope_id')
    .select(['role_assignments.role', 'role_assignments.scope_type', 'role_assignments.scope_id', 'role_assignments.scope_path',
      'regions.name as region_name', 'institutions.name as institution_name'])
    .where('role_assignments.user_id', '=', userId).orderBy('role_assignments.created_at').execute();
  return rows.map((r) => ({
    role: r.role as Role, scopeType: r.scope_type, scopeId: r.scope_id, scopePath: r.scope_path,
    scopeName: r.institution_name ?? r.region_name ?? r.scope_id,
  }));
}

// Roles with mandatory two-step login, read on every request: cached 5 s per database (a change made through
// this process invalidates it at once; other processes see it within 5 s).
const mfaRoleCaches = new WeakMap<object, ReturnType<typeof ttlCache<Set<string>>>>();
function mfaRoleCache(db: Kysely<Database>) {
  let cache = mfaRoleCaches.get(db);
  if (!cache) {
    cache = ttlCache(5_000, async () => new Set((await db.selectFrom('role_settings').select('role').where('mfa_required', '=', 1).execute()).map((r) => r.role)));
    mfaRoleCaches.set(db, cache);
  }
  return cache;
}
export function forgetMfaRoleSettings(db: Kysely<Database>) {
  mfaRoleCache(db).invalidate();
}

export async function mfaRequiredFor(db: Kysely<Database>, roles: string[]): Promise<boolean> {
  if (roles.length === 0) return false;
  const row = await db.selectFrom('role_settings').select('role').where('role', 'in', roles)
    .where('mfa_required', '=', 1).executeTakeFirst();
  return Boolean(row);
}

export type SessionLookup = { actor: Actor } | { expired: true } | null;

/**
 * Resolves a cookie token to an actor. Grants are read from the database on every request, so a
 * role change or a disabled account takes effect at once.
 */
export async function loadSession(core: CoreContext, token: string): Promise<SessionLookup> {
  const idHash = sha256(token);
  const row = await core.db.selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id_hash', 'sessions.csrf_token', 'sessions.kind', 'sessions.last_seen_at',
      'sessions.absolute_expires_at', 'users.id as user_id', 'users.username', 'users.display_name',
      'users.status', 'users.mfa_enabled', 'users.password_change_required', 'users.password_changed_at'])
    .where('sessions.id_hash', '=', idHash).executeTakeFirst();
  if (!row) return null;
  const now = core.clock.now();
  const nowMs = now.getTime();
  const idleLimit = Date.parse(row.last_seen_at) + SESSION_POLICY.idleMs[row.kind];
  if (row.status !== 'active' || nowMs > idleLimit || nowMs > Date.parse(row.absolute_expires_at)) {
    await core.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    return { expired: true };
  }
  if (nowMs - Date.parse(row.last_seen_at) > SESSION_POLICY.touchEveryMs) {
    await core.db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id_hash', '=', idHash).execute();
  }
  const [grants, mfaRoles] = await Promise.all([loadGrants(core.db, row.user_id), mfaRoleCache(core.db).get()]);
  const roles = grants.map((g) => g.role);
  const staff = row.kind === 'staff';
  const passwordExpired = staff && nowMs - Date.parse(row.password_changed_at) > SESSION_POLICY.staffPasswordMaxAgeMs;
  return {
    actor: {
      userId: row.user_id,
      username: row.username,
      displayName: row.display_name,
      kind: row.kind,
      grants,
      permissions: new Set(permissionsOf(roles)),
      sessionIdHash: idHash,
      csrfToken: row.csrf_token,
      mfaEnabled: row.mfa_enabled === 1,
      mfaSetupRequired: row.mfa_enabled !== 1 && roles.some((r) => mfaRoles.has(r)),
      passwordChangeRequired: row.password_change_required === 1 || passwordExpired,
    },
  };
}

export async function listUserSessions(db: Kysely<Database>, userId: string) {
  return db.selectFrom('sessions').select(['id_hash', 'created_at', 'last_seen_at', 'ip', 'user_agent'])
    .where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
}
