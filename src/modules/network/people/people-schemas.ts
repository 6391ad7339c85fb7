import { Type, type Static } from '@sinclair/typebox';
import { PageQuery } from '../../../core/http/pagination.js';

/** Request and response shapes of /api/v1/network/people; the rules a schema cannot say are in person-fields.ts. */

const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' });
export const EmploymentSchema = Type.Union([Type.Literal('full_time'), Type.Literal('part_time'), Type.Literal('volunteer')]);
const StatusSchema = Type.Union([Type.Literal('active'), Type.Literal('left')]);
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

const editable = {
  institutionId: Id,
  userId: Nullable(Id),
  name: Type.String({ minLength: 1, maxLength: 50, pattern: '\\S' }),
  employment: EmploymentSchema,
  title: Type.String({ maxLength: 100 }),
  subjects: Type.String({ maxLength: 500 }),
  qualifications: Type.String({ maxLength: 1000 }),
  phone: Nullable(Type.String({ maxLength: 32, description: 'mainland mobile number; checked, stored encrypted, shown masked' })),
  idNumber: Nullable(Type.String({ maxLength: 32, description: 'citizen ID number (GB 11643); checked, stored encrypted, shown masked' })),
};

export const CreatePersonBody = Type.Object({
  ...editable,
  userId: Type.Optional(editable.userId),
  title: Type.Optional(editable.title),
  subjects: Type.Optional(editable.subjects),
  qualifications: Type.Optional(editable.qualifications),
  phone: Type.Optional(editable.phone),
  idNumber: Type.Optional(editable.idNumber),
}, { additionalProperties: false });
export type CreatePersonInput = Static<typeof CreatePersonBody>;

export const UpdatePersonBody = Type.Object({
  ...Type.Partial(Type.Object(editable)).properties,
  /** The version the editor loaded: a stale one is a 409, never a silent overwrite. */
  version: Type.Integer({ minimum: 1 }),
}, { additionalProperties: false });
export type UpdatePersonInput = Static<typeof UpdatePersonBody>;

export const LeaveBody = Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

export const PeopleListQuery = Type.Object({
  ...PageQuery,
  institutionId: Type.Optional(Id),
  townId: Type.Optional(Type.String({ pattern: '^\\d{12}$' })),
  employment: Type.Optional(EmploymentSchema),
  status: Type.Optional(StatusSchema),
  q: Type.Optional(Type.String({ maxLength: 100 })),
}, { additionalProperties: false });
export type PeopleListQueryInput = Static<typeof PeopleListQuery>;

export const PersonSchema = Type.Object({
  id: Type.String(),
  institutionId: Type.String(),
  institutionName: Type.String(),
  regionId: Type.String(),
  userId: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  employment: EmploymentSchema,
  title: Type.String(),
  subjects: Type.String(),
  qualifications: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()], { description: 'masked: 138****1234' }),
  idNumber: Type.Union([Type.String(), Type.Null()], { description: 'masked: 329***********1234' }),
  status: StatusSchema,
  leftAt: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Person = Static<typeof PersonSchema>;

/** The caller's own staff records, ID number in full (only ever about the caller). */
export const OwnPersonSchema = Type.Object({
  id: Type.String(),
  institutionId: Type.String(),
  institutionName: Type.String(),
  name: Type.String(),
  employment: EmploymentSchema,
  status: StatusSchema,
  phone: Type.Union([Type.String(), Type.Null()]),
  idNumber: Type.Union([Type.String(), Type.Null()]),
});
