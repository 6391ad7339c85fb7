import { Type, type Static } from '@sinclair/typebox';
import { PageQuery } from '../../../core/http/pagination.js';

const PartnerTypeSchema = Type.Union([Type.Literal('ngo'), Type.Literal('employer'), Type.Literal('stationed_unit'), Type.Literal('individual')]);
const KindSchema = Type.Union([Type.Literal('venue'), Type.Literal('teachers'), Type.Literal('money'), Type.Literal('equipment')]);
const StatusSchema = Type.Union([Type.Literal('active'), Type.Literal('inactive')]);
const AgreementStateSchema = Type.Union([Type.Literal('upcoming'), Type.Literal('current'), Type.Literal('expiring'), Type.Literal('expired')]);
const RegionId = Type.String({ minLength: 1, maxLength: 12, pattern: '^[0-9]+$' });
const EntityId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' });
/** Checked in full by partner-rules.ts (mobile or landline); '' means none recorded. */
const Phone = Type.String({ maxLength: 20 });
const DateText = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' });

export const TownParams = Type.Object({ townId: RegionId }, { additionalProperties: false });
export const SubParams = Type.Object({ id: EntityId, subId: EntityId }, { additionalProperties: false });

export const PartnerSummarySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  type: PartnerTypeSchema,
  townId: Type.String(),
  townName: Type.String(),
  contactName: Type.String(),
  /** Masked (138****1234): phones do not leave the server in full. */
  contactPhone: Type.String(),
  description: Type.String(),
  status: StatusSchema,
  version: Type.Integer(),
});

export const ContributionSchema = Type.Object({
  id: Type.String(), kind: KindSchema, description: Type.String(),
  amount: Type.Integer({ description: 'whole yuan for money, a count otherwise' }), year: Type.Integer(),
});
export const AgreementSchema = Type.Object({
  id: Type.String(), title: Type.String(), signedOn: Type.String(), validFrom: Type.String(), validUntil: Type.String(),
  notes: Type.String(), state: AgreementStateSchema, daysLeft: Type.Integer(),
});
export const LinkedInstitutionSchema = Type.Object({ id: Type.String(), name: Type.String(), kind: Type.String() });

export const PartnerDetailSchema = Type.Composite([PartnerSummarySchema, Type.Object({
  contributions: Type.Array(ContributionSchema),
  agreements: Type.Array(AgreementSchema),
  institutions: Type.Array(LinkedInstitutionSchema),
})]);

export const ListPartnersQuery = Type.Object({
  ...PageQuery,
  townId: Type.Optional(RegionId),
  type: Type.Optional(PartnerTypeSchema),
  q: Type.Optional(Type.String({ maxLength: 60 })),
}, { additionalProperties: false });
export type ListPartnersInput = Static<typeof ListPartnersQuery>;

const Name = Type.String({ minLength: 1, maxLength: 80 });
const ContactName = Type.String({ maxLength: 40 });
const Description = Type.String({ maxLength: 2000 });

export const CreatePartnerBody = Type.Object({
  name: Name,
  type: PartnerTypeSchema,
  townId: RegionId,
  contactName: Type.Optional(ContactName),
  contactPhone: Type.Optional(Phone),
  description: Type.Optional(Description),
  status: Type.Optional(StatusSchema),
}, { additionalProperties: false });
export type CreatePartnerInput = Static<typeof CreatePartnerBody>;

/** `version` is the one the editor read; a newer one in the database means somebody saved first (409). */
export const UpdatePartnerBody = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  name: Type.Optional(Name),
  type: Type.Optional(PartnerTypeSchema),
  contactName: Type.Optional(ContactName),
  contactPhone: Type.Optional(Phone),
  description: Type.Optional(Description),
  status: Type.Optional(StatusSchema),
}, { additionalProperties: false });
export type UpdatePartnerInput = Static<typeof UpdatePartnerBody>;

export const CreateContributionBody = Type.Object({
  kind: KindSchema,
  description: Type.Optional(Type.String({ maxLength: 500 })),
  amount: Type.Integer({ maximum: 1_000_000_000 }),
  year: Type.Integer({ minimum: 1990, maximum: 2100 }),
}, { additionalProperties: false });
export type CreateContributionInput = Static<typeof CreateContributionBody>;

export const CreateAgreementBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 120 }),
  signedOn: DateText,
  validFrom: DateText,
  validUntil: DateText,
  notes: Type.Optional(Type.String({ maxLength: 2000 })),
}, { additionalProperties: false });
export type CreateAgreementInput = Static<typeof CreateAgreementBody>;

export const InstitutionLinksBody = Type.Object({
  institutionIds: Type.Array(EntityId, { maxItems: 200 }),
}, { additionalProperties: false });

export const CommitteeMemberSchema = Type.Object({
  id: Type.String(), department: Type.String(), contactName: Type.String(), position: Type.String(),
  /** Masked. */
  phone: Type.String(), sort: Type.Integer(),
});
export const CommitteeSchema = Type.Object({ townId: Type.String(), townName: Type.String(), members: Type.Array(CommitteeMemberSchema) });

/**
 * The whole list, in order. A member sent with the `id` the GET gave and without `phone` keeps the stored
 * number (the GET shows it masked, so a client cannot send it back).
 */
export const CommitteeBody = Type.Object({
  members: Type.Array(Type.Object({
    id: Type.Optional(EntityId),
    department: Type.String({ minLength: 1, maxLength: 80 }),
    contactName: Type.String({ minLength: 1, maxLength: 40 }),
    position: Type.Optional(Type.String({ maxLength: 40 })),
    phone: Type.Optional(Phone),
  }, { additionalProperties: false }), { maxItems: 100 }),
}, { additionalProperties: false });
export type CommitteeInput = Static<typeof CommitteeBody>;
