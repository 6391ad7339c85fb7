import type { Role } from './roles.js';

/**
 * Permission ids are `module.resource.action`; the roles that hold each one by default are data.
 * Modules add theirs with registerPermissions() at import time; routes name one in `config.access`.
 */
const grants = new Map<string, Set<Role>>();

export function registerPermissions(table: Record<string, Role[]>) {
  for (const [permission, roles] of Object.entries(table)) {
    if (grants.has(permission)) throw new Error(`permission ${permission} registered twice`);
    grants.set(permission, new Set(roles));
  }
}

export function isPermission(id: string): boolean {
  return grants.has(id);
}

export function rolesWith(permission: string): Set<Role> {
  return grants.get(permission) ?? new Set();
}

export function permissionsOf(roles: Iterable<Role>): string[] {
  const held = new Set(roles);
  return [...grants.entries()].filter(([, rs]) => [...rs].some((r) => held.has(r))).map(([p]) => p).sort();
}

export const CORE_PERMISSIONS = {
  'core.user.read': ['city_admin', 'town_admin', 'institution_admin'],
  'core.user.create': ['city_admin', 'town_admin', 'institution_admin'],
  'core.user.update': ['city_admin', 'town_admin', 'institution_admin'],
  'core.user.assign_roles': ['city_admin', 'town_admin', 'institution_admin'],
  'core.user.reveal_pii': ['city_admin'],
  // Separation of duties: only the auditor reads the audit log; admins administer but do not audit themselves.
  'core.audit.read': ['auditor'],
  'core.settings.update': ['city_admin'],
  'core.nav.update': ['city_admin'],
  'core.backoffice.use': ['city_admin', 'town_admin', 'institution_admin', 'teacher', 'editor', 'reviewer', 'inspector', 'auditor', 'employer'],
} satisfies Record<string, Role[]>;

registerPermissions(CORE_PERMISSIONS);
