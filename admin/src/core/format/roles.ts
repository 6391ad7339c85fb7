import type { MessageKey } from '../i18n/catalogs';
import { isMessageKey } from '../i18n/catalogs';
import type { TFunction } from '../i18n/I18nProvider';

export const ROLES = [
  'city_admin',
  'town_admin',
  'institution_admin',
  'teacher',
  'editor',
  'reviewer',
  'inspector',
  'auditor',
  'employer',
  'resident',
] as const;

export type Role = (typeof ROLES)[number];

/** Roles a staff account can hold (everything except resident). */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((role) => role !== 'resident');

export type ScopeType = 'city' | 'region' | 'institution';
export const SCOPE_TYPES: readonly ScopeType[] = ['city', 'region', 'institution'];

/** The scope type a role is usually granted at; used to pre-fill role editors. */
export const DEFAULT_SCOPE_TYPE: Record<Role, ScopeType> = {
  city_admin: 'city',
  town_admin: 'region',
  institution_admin: 'institution',
  teacher: 'institution',
  editor: 'institution',
  reviewer: 'institution',
  employer: 'institution',
  inspector: 'city',
  auditor: 'city',
  resident: 'region',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Translated role name; unknown roles are shown by their id. */
export function roleLabel(t: TFunction, role: string): string {
  const key = `role.${role}`;
  return isMessageKey(key) ? t(key) : role;
}

export function scopeTypeLabel(t: TFunction, scopeType: string): string {
  const key = `scopeType.${scopeType}`;
  return isMessageKey(key) ? t(key as MessageKey) : scopeType;
}
