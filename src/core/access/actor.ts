import type { Role, ScopeType } from './roles.js';

export interface Grant {
  role: Role;
  scopeType: ScopeType;
  scopeId: string;
  /** Path of the scope in the region/institution tree: a record is in scope when its path starts with this. */
  scopePath: string;
  scopeName: string;
}

/** Who is making a request, read from the database on every request (never cached in the cookie). */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  kind: 'staff' | 'resident';
  grants: Grant[];
  permissions: Set<string>;
  sessionIdHash: string;
  csrfToken: string;
  mfaEnabled: boolean;
  /** Until these are done the session may only finish its set-up. */
  mfaSetupRequired: boolean;
  passwordChangeRequired: boolean;
}

/** Context that every audited write carries. */
export interface RequestContext {
  actor: Actor | null;
  ip: string | null;
  requestId: string;
}
