import type { Me, RoleGrant } from '../../core/api/types';

/**
 * Roles that may write content or post jobs (mirrors src/modules/content/permissions.ts). Their grants are the
 * scopes an item can be owned by; the server checks the choice again.
 */
const ITEM_WRITERS = new Set(['city_admin', 'town_admin', 'institution_admin', 'editor']);
const JOB_WRITERS = new Set([...ITEM_WRITERS, 'employer']);

export interface OwnerScope {
  value: string;
  label: string;
  scopeType: RoleGrant['scopeType'];
  scopeId: string;
}

export const scopeValue = (scopeType: string, scopeId: string) => `${scopeType}:${scopeId}`;

export function ownerScopes(me: Me | null, purpose: 'item' | 'job'): OwnerScope[] {
  const roles = purpose === 'item' ? ITEM_WRITERS : JOB_WRITERS;
  const seen = new Map<string, OwnerScope>();
  for (const grant of me?.roles ?? []) {
    if (!roles.has(grant.role)) continue;
    const scopeId = String(grant.scopeId ?? '');
    const value = scopeValue(grant.scopeType, scopeId);
    if (!seen.has(value)) seen.set(value, { value, label: grant.scopeName, scopeType: grant.scopeType, scopeId });
  }
  return [...seen.values()];
}

export function parseScopeValue(value: string | undefined, scopes: readonly OwnerScope[]): OwnerScope | undefined {
  return scopes.find((scope) => scope.value === value);
}
