import type { PiInventory } from './inventory.js';
import { purgeExpiredLoginTickets, purgeExpiredSessions, purgeOldOutboxRows } from './core-retention.js';

const WHILE_ACCOUNT = 'while the account exists';
const SETTINGS = 'configuration: kept until changed';

/** Core's tables (db/schema.ts, notifications). Modules declare theirs in `modules/<module>/pi-inventory.ts`. */
export const coreInventory: PiInventory = {
  users: {
    purpose: 'accounts of residents and staff: sign-in, identity checks for enrolment (age, residency), contact',
    retention: WHILE_ACCOUNT,
    owner: { column: 'id', exportPath: 'account' },
    columns: {
      id: 'none', username: 'personal', display_name: 'personal', kind: 'none', status: 'none',
      // Credentials are 个人身份鉴别信息 (GB/T 35273 Annex B): sensitive, stored hashed or encrypted.
      password_hash: 'sensitive', password_changed_at: 'none', password_change_required: 'none',
      phone_enc: 'personal', phone_hash: 'personal',
      id_number_enc: 'sensitive', id_number_hash: 'sensitive', real_name: 'personal',
      // Derived from the ID number, so as sensitive as it (stored plain: SQL computes age groups from it).
      birth_date: 'sensitive',
      home_scope_type: 'none', home_scope_id: 'personal', home_path: 'personal',
      failed_logins: 'none', locked_until: 'none',
      mfa_secret_enc: 'sensitive', mfa_enabled: 'none', mfa_last_step: 'none',
      created_at: 'none', updated_at: 'none', last_login_at: 'personal',
    },
  },
  sessions: {
    purpose: 'signed-in sessions (only the token hash is stored)',
    retention: 'until logout or expiry (30 min idle, 12 h absolute); expired rows are purged',
    purge: purgeExpiredSessions,
    owner: { column: 'user_id', exportPath: 'sessions' },
    columns: {
      id_hash: 'sensitive', user_id: 'personal', csrf_token: 'sensitive', kind: 'none', created_at: 'none', last_seen_at: 'none',
      absolute_expires_at: 'none', ip: 'personal', user_agent: 'personal',
    },
  },
  login_tickets: {
    purpose: 'the step between password and TOTP code of a two-step login',
    retention: '5 minutes; expired rows are purged',
    purge: purgeExpiredLoginTickets,
    owner: { column: 'user_id', exportPath: null, notExportedBecause: 'a credential in passing (a token hash), gone within 5 minutes' },
    columns: { id_hash: 'sensitive', user_id: 'personal', purpose: 'none', expires_at: 'none', attempts: 'none' },
  },
  role_assignments: {
    purpose: 'who holds which role in which scope (access control)',
    retention: 'until the role is withdrawn (the audit log keeps the history)',
    owner: { column: 'user_id', exportPath: 'roles' },
    columns: { id: 'none', user_id: 'personal', role: 'personal', scope_type: 'none', scope_id: 'none', scope_path: 'none', created_at: 'none' },
  },
  audit_log: {
    purpose: 'security audit trail: who did what, when, from where (网络安全法 第21条, 等保 8.1.4.3)',
    retention: 'at least 6 months; append-only, nothing deletes it',
    owner: { column: 'actor_id', exportPath: 'activity' },
    columns: {
      seq: 'none', at: 'none', actor_id: 'personal', actor_name: 'personal', actor_role: 'none', actor_scope: 'none', action: 'none',
      target_type: 'none', target_id: 'personal',
      // Snapshots are masked before they are written (maskRecordForAudit), but they still describe a person.
      outcome: 'none', before_json: 'personal', after_json: 'personal', ip: 'personal', request_id: 'none', prev_hash: 'none', hash: 'none',
    },
  },
  audit_head: {
    purpose: 'the head of the audit hash chain',
    retention: 'as the audit log',
    columns: { id: 'none', last_seq: 'none', last_hash: 'none' },
  },
  notifications: {
    purpose: "in-app messages to a person (offers, reminders, certificates); the resident's inbox",
    retention: WHILE_ACCOUNT,
    owner: { column: 'user_id', exportPath: 'messages' },
    columns: { id: 'none', user_id: 'personal', topic: 'personal', params: 'personal', link: 'personal', created_at: 'none', read_at: 'personal' },
  },
  notification_outbox: {
    purpose: 'SMS and e-mail deliveries of a message (the recipient is looked up at send time, never stored here)',
    retention: 'sent rows 30 days, failed rows 90 days after the last attempt; then purged',
    purge: purgeOldOutboxRows,
    columns: {
      id: 'none', notification_id: 'personal', channel: 'none', status: 'none', attempts: 'none', next_attempt_at: 'none',
      last_error: 'none', created_at: 'none', updated_at: 'none', sent_at: 'none', locked_until: 'none', claimed_by: 'none',
    },
  },
  // Helper H2's consent tables (db/migrations/0019_core_consents.ts), tagged at their creation.
  consents: {
    purpose: 'which privacy notice a person accepted, their separate consent to sensitive PI, a guardian consent (PIPL 14, 29, 31)',
    retention: 'while the account exists; a withdrawal sets withdrawn_at, the row stays as proof',
    owner: { column: 'user_id', exportPath: 'consents.records' },
    // A 'guardian' purpose says the account is a child's: minors' data is sensitive (PIPL 28).
    columns: { id: 'none', user_id: 'personal', purpose: 'sensitive', notice_version: 'none', channel: 'none', given_at: 'none', withdrawn_at: 'none' },
  },
  consent_guardians: {
    purpose: "the guardian who consented for a child under 14, and until when the account is a minor's",
    retention: 'while the account exists',
    owner: { column: 'user_id', exportPath: 'consents.guardian' },
    columns: {
      user_id: 'sensitive', consent_id: 'none', guardian_name: 'personal', guardian_relation: 'personal', guardian_phone_enc: 'personal',
      // The 14th birthday: derived from the ID number and marks a minor.
      minor_until: 'sensitive', created_at: 'none',
    },
  },
  regions: {
    purpose: 'the city → town → village tree that scopes everything',
    retention: SETTINGS,
    columns: { id: 'none', name: 'none', level: 'none', parent_id: 'none', path: 'none', population: 'none', sort: 'none' },
  },
  institutions: {
    purpose: 'learning institutions (core part; the network module adds its columns)',
    retention: 'while the institution exists (retired, not deleted)',
    columns: { id: 'none', name: 'none', kind: 'none', region_id: 'none', path: 'none', status: 'none', created_at: 'none' },
  },
  role_settings: { purpose: 'per-role security settings (mandatory two-step login)', retention: SETTINGS, columns: { role: 'none', mfa_required: 'none' } },
  site_settings: { purpose: 'site-wide settings', retention: SETTINGS, columns: { key: 'none', value: 'none' } },
  nav_items: {
    purpose: 'portal navigation', retention: SETTINGS,
    columns: { id: 'none', label_zh: 'none', label_en: 'none', href: 'none', sort: 'none', visible: 'none', module: 'none' },
  },
  kysely_migration: { purpose: 'which migrations ran', retention: 'for the life of the database', columns: { name: 'none', timestamp: 'none' } },
  kysely_migration_lock: { purpose: 'the migration lock', retention: 'for the life of the database', columns: { id: 'none', is_locked: 'none' } },
};
