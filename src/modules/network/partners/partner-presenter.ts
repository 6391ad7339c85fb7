import type { Static } from '@sinclair/typebox';
import { maskPhone } from '../../../core/pii/mask.js';
import type { NetworkCommitteeMembersTable, NetworkPartnerAgreementsTable, NetworkPartnerContributionsTable } from './partner-schema.js';
import type { PartnerRow } from './partner-repository.js';
import type { AgreementSchema, CommitteeMemberSchema, ContributionSchema, PartnerSummarySchema } from './partner-schemas.js';
import { agreementState } from './partner-rules.js';

export function presentPartner(row: PartnerRow): Static<typeof PartnerSummarySchema> {
  return {
    id: row.id, name: row.name, type: row.type, townId: row.region_id, townName: row.town_name,
    contactName: row.contact_name, contactPhone: maskPhone(row.contact_phone), description: row.description,
    status: row.status, version: Number(row.version),
  };
}

export function presentContribution(row: NetworkPartnerContributionsTable): Static<typeof ContributionSchema> {
  return { id: row.id, kind: row.kind, description: row.description, amount: Number(row.amount), year: Number(row.year) };
}

/** `today` is the Shanghai calendar date of the request: the state follows the clock, not the stored row. */
export function presentAgreement(row: NetworkPartnerAgreementsTable, today: string): Static<typeof AgreementSchema> {
  const daysLeft = Math.round((Date.parse(`${row.valid_until}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  return {
    id: row.id, title: row.title, signedOn: row.signed_on, validFrom: row.valid_from, validUntil: row.valid_until,
    notes: row.notes, state: agreementState(row.valid_from, row.valid_until, today), daysLeft,
  };
}

export function presentMember(row: NetworkCommitteeMembersTable): Static<typeof CommitteeMemberSchema> {
  return { id: row.id, department: row.department, contactName: row.contact_name, position: row.position, phone: maskPhone(row.phone), sort: Number(row.sort) };
}
