/** The roles of the platform. Each assignment of a role carries a scope (city, region or institution). */
export const ROLES = [
  'city_admin', 'town_admin', 'institution_admin', 'teacher', 'editor', 'reviewer', 'inspector', 'auditor', 'employer', 'resident',
] as const;
export type Role = (typeof ROLES)[number];
export type ScopeType = 'city' | 'region' | 'institution';

export const STAFF_ROLES: Role[] = ['city_admin', 'town_admin', 'institution_admin', 'teacher', 'editor', 'reviewer', 'inspector', 'auditor', 'employer'];

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
  /** 审核: checks drafts of their scope before a signer signs them off. */
  reviewer: ['city', 'region', 'institution'],
  inspector: ['city', 'region'],
  auditor: ['city'],
  /** A partner employer's account: its scope is the employer's own registry entry (an institution of kind 'employer'). */
  employer: ['institution'],
  resident: ['city', 'region'],
};

/** Which roles a holder of a role may grant, always within their own scope. */
export const GRANTABLE_ROLES: Partial<Record<Role, Role[]>> = {
  city_admin: ['city_admin', 'town_admin', 'institution_admin', 'teacher', 'editor', 'reviewer', 'inspector', 'auditor', 'employer'],
  town_admin: ['town_admin', 'institution_admin', 'teacher', 'editor', 'reviewer', 'employer'],
  institution_admin: ['institution_admin', 'teacher', 'editor', 'reviewer'],
};

/** 等保 separation of duties: the pairs no single account may hold together. */
export const INCOMPATIBLE_ROLES: Array<[Role, Role]> = [['city_admin', 'auditor']];
