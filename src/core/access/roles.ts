/** The roles of the platform. Each assignment of a role carries a scope (city, region or institution). */
export const ROLES = [
  'city_admin', 'town_admin', 'institution_admin', 'teacher', 'editor', 'inspector', 'auditor', 'resident',
] as const;
export type Role = (typeof ROLES)[number];
export type ScopeType = 'city' | 'region' | 'institution';

export const STAFF_ROLES: Role[] = ['city_admin', 'town_admin', 'institution_admin', 'teacher', 'editor', 'inspector', 'auditor'];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Which kinds of scope each role may be given (a town admin's scope is a town, never an institution). */
export const ROLE_SCOPE_TYPES: Record<Role, ScopeType[]> = {
  city_admin: ['city'],
  town_admin: ['region'],
  institution_admin: ['institution'],
  teacher: ['institution'],
  editor: ['city', 'region', 'institution'],
  inspector: ['city', 'region'],
  auditor: ['city'],
  resident: ['city', 'region'],
};

/** Which roles a holder of a role may grant, always within their own scope. */
export const GRANTABLE_ROLES: Partial<Record<Role, Role[]>> = {
  city_admin: ['city_admin', 'town_admin', 'institution_admin', 'teacher', 'editor', 'inspector', 'auditor'],
  town_admin: ['town_admin', 'institution_admin', 'teacher', 'editor'],
  institution_admin: ['institution_admin', 'teacher', 'editor'],
};

/** 等保 separation of duties: the pairs no single account may hold together. */
export const INCOMPATIBLE_ROLES: Array<[Role, Role]> = [['city_admin', 'auditor']];
