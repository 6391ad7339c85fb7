import type { Id, RoleGrant, ScopeType } from '../../core/api/types';

export type UserStatus = 'active' | 'disabled' | 'locked';
export const USER_STATUSES: readonly UserStatus[] = ['active', 'disabled', 'locked'];

export interface UserAbilities {
  update: boolean;
  disable: boolean;
  enable: boolean;
  resetPassword: boolean;
  assignRoles: boolean;
  reveal: boolean;
}

export interface UserSummary {
  id: Id;
  username: string;
  displayName: string;
  kind: 'staff' | 'resident';
  status: UserStatus;
  /** Masked by the server. */
  phone: string | null;
  /** Citizen ID number, masked by the server (`110***********002X`). */
  idNumber: string | null;
  roles: RoleGrant[];
  homeScope: { type: string; id: Id | null; name: string } | null;
  createdAt: string;
  lastLoginAt: string | null;
  abilities: UserAbilities;
}

export interface RoleGrantInput {
  role: string;
  scopeType: ScopeType;
  scopeId: Id | null;
}

export interface UserListQuery {
  page: number;
  pageSize: number;
  q?: string;
  role?: string;
  status?: UserStatus;
  regionId?: string;
}

export interface Region {
  id: Id;
  name: string;
  level: 'city' | 'town' | 'village';
  parentId: Id | null;
}

export interface Institution {
  id: Id;
  name: string;
  regionId: Id | null;
  kind: string;
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  phone?: string;
  idNumber?: string;
  roles: RoleGrantInput[];
}

/** Only the fields present change; `null` clears a personal field. */
export interface UpdateUserInput {
  displayName?: string;
  phone?: string | null;
  idNumber?: string | null;
}

/** Personal fields the server masks and can reveal (audited). */
export type RevealableField = 'phone' | 'idNumber';
