import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, pageOf } from '../../../core/http/pagination.js';
import { INSTITUTION_KINDS, INSTITUTION_TIERS } from './institution-kinds.js';

const Kind = Type.Union([
  Type.Literal('community_education_center'), Type.Literal('citizen_school'), Type.Literal('adult_culture_tech_school'),
  Type.Literal('party_school'), Type.Literal('population_school'), Type.Literal('seniors_school'),
  Type.Literal('farmer_training_school'), Type.Literal('culture_sports_venue'), Type.Literal('enterprise_training'), Type.Literal('other'),
]);
const Tier = Type.Union([Type.Literal('center'), Type.Literal('base'), Type.Literal('supplementary')]);
// Kept in step with institution-kinds.ts (the rules' source of truth); the type assertion fails the build otherwise.
const kindsInStep: [Static<typeof Kind>[], Static<typeof Tier>[]] = [[...INSTITUTION_KINDS], [...INSTITUTION_TIERS]];
void kindsInStep;
const RegionId = Type.String({ pattern: '^[0-9]{12}$' });
const Uuid = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' });
const Text = (maxLength: number) => Type.String({ maxLength });

const editable = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  tier: Tier,
  kind: Kind,
  /** The town or village it lies in. */
  regionId: RegionId,
  parentCenterId: Type.Union([Uuid, Type.Null()]),
  address: Text(200),
  openingHours: Text(200),
  contactName: Text(50),
  contactPhone: Text(30),
  description: Text(4000),
};

export const CreateInstitutionBody = Type.Object({
  ...editable,
  parentCenterId: Type.Optional(editable.parentCenterId),
  address: Type.Optional(editable.address),
  openingHours: Type.Optional(editable.openingHours),
  contactName: Type.Optional(editable.contactName),
  contactPhone: Type.Optional(editable.contactPhone),
  description: Type.Optional(editable.description),
}, { additionalProperties: false });
export type CreateInstitutionInput = Static<typeof CreateInstitutionBody>;

/** A partial edit; `version` is the one the editor read (409 when someone saved in between). */
export const UpdateInstitutionBody = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  name: Type.Optional(editable.name),
  tier: Type.Optional(editable.tier),
  kind: Type.Optional(editable.kind),
  regionId: Type.Optional(editable.regionId),
  parentCenterId: Type.Optional(editable.parentCenterId),
  address: Type.Optional(editable.address),
  openingHours: Type.Optional(editable.openingHours),
  contactName: Type.Optional(editable.contactName),
  contactPhone: Type.Optional(editable.contactPhone),
  description: Type.Optional(editable.description),
}, { additionalProperties: false });
export type UpdateInstitutionInput = Static<typeof UpdateInstitutionBody>;

export const RetireInstitutionBody = Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

export const InstitutionListQuery = Type.Object({
  ...PageQuery,
  town: Type.Optional(RegionId),
  village: Type.Optional(RegionId),
  tier: Type.Optional(Tier),
  kind: Type.Optional(Kind),
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('retired')])),
  q: Type.Optional(Type.String({ maxLength: 50 })),
}, { additionalProperties: false });

const Ref = Type.Object({ id: Type.String(), name: Type.String() });
export const InstitutionSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  tier: Tier,
  kind: Type.String(),
  status: Type.String(),
  region: Type.Object({ id: Type.String(), name: Type.String(), level: Type.String() }),
  town: Ref,
  parentCenter: Type.Union([Ref, Type.Null()]),
  accreditation: Type.Union([Type.Object({ levelId: Type.String(), nameZh: Type.String(), nameEn: Type.String() }), Type.Null()]),
  address: Type.String(),
  openingHours: Type.String(),
  contactName: Type.String(),
  contactPhone: Type.String(),
  description: Type.String(),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.Union([Type.String(), Type.Null()]),
  retiredAt: Type.Union([Type.String(), Type.Null()]),
});
export const InstitutionPage = pageOf(InstitutionSchema);
