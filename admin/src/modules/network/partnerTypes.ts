export const PARTNER_TYPES = ['ngo', 'employer', 'stationed_unit', 'individual'] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];
export const CONTRIBUTION_KINDS = ['venue', 'teachers', 'money', 'equipment'] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];
export type AgreementState = 'upcoming' | 'current' | 'expiring' | 'expired';

export interface PartnerSummary {
  id: string;
  name: string;
  type: PartnerType;
  townId: string;
  townName: string;
  contactName: string;
  /** Masked by the server. */
  contactPhone: string;
  description: string;
  status: 'active' | 'inactive';
  version: number;
}

export interface Contribution {
  id: string;
  kind: ContributionKind;
  description: string;
  amount: number;
  year: number;
}

export interface Agreement {
  id: string;
  title: string;
  signedOn: string;
  validFrom: string;
  validUntil: string;
  notes: string;
  state: AgreementState;
  daysLeft: number;
}

export interface PartnerDetail extends PartnerSummary {
  contributions: Contribution[];
  agreements: Agreement[];
  institutions: { id: string; name: string; kind: string }[];
}

export interface PartnerFields {
  name: string;
  type: PartnerType;
  townId: string;
  contactName: string;
  contactPhone?: string;
  description: string;
  status: 'active' | 'inactive';
}

export interface PartnerListQuery {
  page: number;
  pageSize: number;
  townId?: string;
  type?: string;
  q?: string;
  [key: string]: string | number | undefined;
}
