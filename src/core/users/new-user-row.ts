import type { UsersTable } from '../db/schema.js';

type Required = Pick<UsersTable, 'id' | 'username' | 'display_name' | 'kind' | 'password_hash' | 'home_scope_type' | 'home_scope_id' | 'home_path'>;

/** A complete users row for a new account: the given fields, and the defaults every new account starts with. */
export function newUserRow(fields: Required & Partial<UsersTable>, at: string): UsersTable {
  return {
    status: 'active', password_changed_at: at, password_change_required: 0,
    phone_enc: null, phone_hash: null, id_number_enc: null, id_number_hash: null, real_name: null, birth_date: null,
    failed_logins: 0, locked_until: null, mfa_secret_enc: null, mfa_enabled: 0, mfa_last_step: null,
    created_at: at, updated_at: at, last_login_at: null,
    ...fields,
  };
}
