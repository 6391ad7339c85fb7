import type { Kysely } from 'kysely';
import type { CoreContext } from '../../../core/context.js';
import type { Database, InstitutionsTable } from '../../../core/db/schema.js';

/** Row types of what migration 0006_network_institutions adds. Timestamps are ISO strings; dates 'YYYY-MM-DD'. */
export type InstitutionTier = 'center' | 'base' | 'supplementary';

/** Core's institutions with the network columns. */
export interface NetworkInstitutionsTable extends InstitutionsTable {
  /** null for entries outside the network (kind 'employer'). */
  tier: InstitutionTier | null;
  accreditation_level_id: string | null;
  /** The town's center a base school or supplementary organisation belongs to; null for centers. */
  parent_center_id: string | null;
  address: string;
  opening_hours: string;
  contact_name: string;
  contact_phone: string;
  description: string;
  /** Optimistic concurrency: every update must send the version it read; a stale one gets 409. */
  version: number;
  updated_at: string | null;
  retired_at: string | null;
}

export interface AccreditationLevelsTable {
  id: string;
  name_zh: string;
  name_en: string;
  rank: number;
  sort: number;
}

export interface AccreditationsTable {
  institution_id: string;
  level_id: string;
  granted_on: string | null;
  certificate_no: string;
  next_review_on: string | null;
  updated_by: string | null;
  updated_at: string;
}

export interface AccreditationHistoryTable {
  id: string;
  institution_id: string;
  from_level_id: string | null;
  level_id: string;
  granted_on: string | null;
  certificate_no: string;
  next_review_on: string | null;
  changed_by: string | null;
  changed_by_name: string | null;
  changed_at: string;
}

export interface InstitutionsDatabase extends Omit<Database, 'institutions'> {
  institutions: NetworkInstitutionsTable;
  network_accreditation_levels: AccreditationLevelsTable;
  network_accreditations: AccreditationsTable;
  network_accreditation_history: AccreditationHistoryTable;
}

export function institutionsDb(core: Pick<CoreContext, 'db'>): Kysely<InstitutionsDatabase> {
  return core.db as unknown as Kysely<InstitutionsDatabase>;
}
