import type { Kysely } from 'kysely';
import type { CoreContext } from '../../../core/context.js';
import type { Database } from '../../../core/db/schema.js';

/** Row types of the partner tables (migrations/0008_network_partners.ts). Timestamps are ISO strings. */
export type PartnerType = 'ngo' | 'employer' | 'stationed_unit' | 'individual';
export type ContributionKind = 'venue' | 'teachers' | 'money' | 'equipment';
export type PartnerStatus = 'active' | 'inactive';

export interface NetworkPartnersTable {
  id: string;
  name: string;
  type: PartnerType;
  /** The town the partner works in. */
  region_id: string;
  /** The town's path: the scope every check tests. */
  path: string;
  contact_name: string;
  contact_phone: string;
  description: string;
  status: PartnerStatus;
  /** Optimistic concurrency: an update must name the version it read. */
  version: number;
  created_at: string;
  updated_at: string;
}

export interface NetworkPartnerContributionsTable {
  id: string;
  partner_id: string;
  kind: ContributionKind;
  description: string;
  /** Whole yuan for money, a count otherwise. */
  amount: number;
  year: number;
  created_at: string;
}

export interface NetworkPartnerAgreementsTable {
  id: string;
  partner_id: string;
  title: string;
  signed_on: string;
  valid_from: string;
  valid_until: string;
  notes: string;
  created_at: string;
}

export interface NetworkPartnerInstitutionsTable {
  partner_id: string;
  institution_id: string;
}

export interface NetworkCommitteeMembersTable {
  id: string;
  region_id: string;
  department: string;
  contact_name: string;
  position: string;
  phone: string;
  sort: number;
}

export interface PartnerTables {
  network_partners: NetworkPartnersTable;
  network_partner_contributions: NetworkPartnerContributionsTable;
  network_partner_agreements: NetworkPartnerAgreementsTable;
  network_partner_institutions: NetworkPartnerInstitutionsTable;
  network_committee_members: NetworkCommitteeMembersTable;
}

export type PartnerDatabase = Database & PartnerTables;

/** The platform database seen with the partner tables. */
export function partnerDb(core: Pick<CoreContext, 'db'>): Kysely<PartnerDatabase> {
  return core.db as unknown as Kysely<PartnerDatabase>;
}
