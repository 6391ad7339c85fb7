/** Identifiers are opaque to the back office: the server may use numbers or strings. */
export type Id = string | number;

export type LocalizedText = { 'zh-CN': string; en: string };

export interface ProblemFieldError {
  field: string;
  code: string;
  message?: LocalizedText;
}

/** RFC 9457 problem details as the server sends them (`application/problem+json`). */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  code?: string;
  message?: LocalizedText;
  errors?: ProblemFieldError[];
}

export type ScopeType = 'city' | 'region' | 'institution';

export interface RoleGrant {
  role: string;
  scopeType: ScopeType;
  scopeId: Id | null;
  scopeName: string;
}

export interface Me {
  id: Id;
  username: string;
  displayName: string;
  kind: 'staff' | 'resident';
  roles: RoleGrant[];
  permissions: string[];
  mfaEnabled: boolean;
  mfaSetupRequired: boolean;
  passwordChangeRequired: boolean;
}

export interface SessionResponse {
  user: Me;
  csrfToken: string;
}

export interface MfaChallenge {
  mfaRequired: true;
  ticket: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
