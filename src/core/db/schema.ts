/**
 * Row types of the tables core owns. Modules declare their own tables in their own folders and
 * extend the Database interface there; core never reads a module's tables.
 * Timestamps are ISO 8601 UTC strings on both databases; flags are 0/1 integers.
 */
export interface RegionsTable {
  id: string; // 12-digit division code: GB/T 2260 county code + town (3) + village (3)
  name: string;
  level: 'city' | 'town' | 'village';
  parent_id: string | null;
  /** '/<city>/<town>/<village>/' so "is X under Y" is a prefix test that an index answers. */
  path: string;
  population: number | null;
  sort: number;
}

export interface InstitutionsTable {
  id: string;
  name: string;
  kind: string;
  region_id: string;
  /** Region path + institution id + '/': institutions are scopes below their region. */
  path: string;
  status: 'active' | 'retired';
  created_at: string;
}

export interface UsersTable {
  id: string;
  /** Lower-cased login name (a mobile number is a valid username for residents). */
  username: string;
  display_name: string;
  kind: 'staff' | 'resident';
  status: 'active' | 'disabled';
  password_hash: string;
  password_changed_at: string;
  password_change_required: number;
  phone_enc: string | null;
  phone_hash: string | null;
  id_number_enc: string | null;
  id_number_hash: string | null;
  real_name: string | null;
  birth_date: string | null;
  /** The scope the account belongs to: who may see and manage it. */
  home_scope_type: 'city' | 'region' | 'institution';
  home_scope_id: string;
  home_path: string;
  failed_logins: number;
  locked_until: string | null;
  mfa_secret_enc: string | null;
  mfa_enabled: number;
  mfa_last_step: number | null;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

export interface RoleAssignmentsTable {
  id: string;
  user_id: string;
  role: string;
  scope_type: 'city' | 'region' | 'institution';
  scope_id: string;
  scope_path: string;
  created_at: string;
}

export interface SessionsTable {
  /** sha256 of the cookie token: a leaked database does not hand out live sessions. */
  id_hash: string;
  user_id: string;
  csrf_token: string;
  kind: 'staff' | 'resident';
  created_at: string;
  last_seen_at: string;
  absolute_expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginTicketsTable {
  id_hash: string;
  user_id: string;
  purpose: 'mfa';
  expires_at: string;
  attempts: number;
}

export interface RoleSettingsTable {
  role: string;
  mfa_required: number;
}

export interface NavItemsTable {
  id: string;
  label_zh: string;
  label_en: string;
  href: string;
  sort: number;
  visible: number;
  /** The module that provides the section; hidden until that module is installed. */
  module: string | null;
}

export interface SiteSettingsTable {
  key: string;
  value: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  actor_scope: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: 'success' | 'failure';
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  last_seq: number;
  last_hash: string;
}

export interface CoreTables {
  regions: RegionsTable;
  institutions: InstitutionsTable;
  users: UsersTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  login_tickets: LoginTicketsTable;
  role_settings: RoleSettingsTable;
  nav_items: NavItemsTable;
  site_settings: SiteSettingsTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}

export type Database = CoreTables;
