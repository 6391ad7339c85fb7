import type { Kysely, Transaction } from 'kysely';
import type { CoreContext } from '../context.js';
import type { Database } from '../db/schema.js';

/** Row types of the consent tables (db/migrations/0019_core_consents.ts). Timestamps are ISO strings. */
export type ConsentPurpose = 'privacy_notice' | 'sensitive_pi' | 'guardian';
/** How the consent was given: the portal form, the JSON API, staff acting for the person, or the demo seed. */
export type ConsentChannel = 'web' | 'api' | 'staff_proxy' | 'demo';
export type GuardianRelation = 'father' | 'mother' | 'grandparent' | 'other';
export const GUARDIAN_RELATIONS: readonly GuardianRelation[] = ['father', 'mother', 'grandparent', 'other'];

export interface ConsentsTable {
  id: string;
  user_id: string;
  purpose: ConsentPurpose;
  /** The privacy notice version the person was shown when they gave this consent. */
  notice_version: number;
  channel: ConsentChannel;
  given_at: string;
  withdrawn_at: string | null;
}

export interface ConsentGuardiansTable {
  user_id: string;
  consent_id: string;
  guardian_name: string;
  guardian_relation: GuardianRelation;
  /** AES-GCM (field-crypto); never looked up, so no hash column. */
  guardian_phone_enc: string;
  /** YYYY-MM-DD, the 14th birthday: the account is a minor's before this day. */
  minor_until: string;
  created_at: string;
}

export interface ConsentTables {
  consents: ConsentsTable;
  consent_guardians: ConsentGuardiansTable;
}

export type ConsentDatabase = Database & ConsentTables;
export type ConsentDb = Kysely<ConsentDatabase> | Transaction<ConsentDatabase>;

export function consentDb(core: Pick<CoreContext, 'db'>): Kysely<ConsentDatabase> {
  return core.db as unknown as Kysely<ConsentDatabase>;
}

/** The same transaction, seen with the consent tables. */
export function consentTrx(trx: Transaction<Database>): Transaction<ConsentDatabase> {
  return trx as unknown as Transaction<ConsentDatabase>;
}
