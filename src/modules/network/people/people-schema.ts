import type { Kysely } from 'kysely';
import type { CoreContext } from '../../../core/context.js';
import type { Database } from '../../../core/db/schema.js';

/** Row type of network_people (migrations/0007_network_people.ts). Timestamps are ISO strings. */
export type Employment = 'full_time' | 'part_time' | 'volunteer';
export type PersonStatus = 'active' | 'left';

export interface NetworkPeopleTable {
  id: string;
  institution_id: string;
  /** The person's own account, when they have one: they may see their own full ID number. */
  user_id: string | null;
  name: string;
  employment: Employment;
  title: string;
  subjects: string;
  qualifications: string;
  /** field-crypto ciphertext + HMAC look-up hash; never the plaintext (see personal-fields.ts). */
  phone_enc: string | null;
  phone_hash: string | null;
  id_number_enc: string | null;
  id_number_hash: string | null;
  status: PersonStatus;
  left_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface PeopleDatabase extends Database {
  network_people: NetworkPeopleTable;
}

export type PeopleDb = Kysely<PeopleDatabase>;

export function peopleDb(core: Pick<CoreContext, 'db'>): PeopleDb {
  return core.db as unknown as PeopleDb;
}
