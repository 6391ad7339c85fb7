import { Type, type Static } from '@sinclair/typebox';
import { PageQuery } from '../../../core/http/pagination.js';

/** Request and response shapes of /api/v1/content/jobs; the rules a schema cannot say are in job-fields.ts. */

const RegionId = Type.String({ pattern: '^\\d{12}$' });
const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Salary = Type.Union([Type.Integer({ minimum: 0, maximum: 1_000_000 }), Type.Null()], { description: '¥ per month, whole yuan' });
const ScopeType = Type.Union([Type.Literal('city'), Type.Literal('region'), Type.Literal('institution')]);
const JobStatus = Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('withdrawn')]);

const editable = {
  employerName: Type.String({ minLength: 1, maxLength: 100, description: 'ignored for an employer\'s own account: its registered name is used' }),
  position: Type.String({ minLength: 1, maxLength: 100 }),
  headcount: Type.Integer({ minimum: 1, maximum: 9999 }),
  regionId: RegionId,
  salaryMin: Salary,
  salaryMax: Salary,
  requirements: Type.String({ minLength: 1, maxLength: 20_000, description: 'HTML, sanitised on save' }),
  contact: Type.String({ minLength: 2, maxLength: 200, description: 'a public contact line; phone numbers in it are checked' }),
  validUntil: DateText,
  trainingLink: Type.Union([Type.String({ maxLength: 500 }), Type.Null()]),
};

export const CreateJobBody = Type.Object({
  ...editable,
  employerName: Type.Optional(editable.employerName),
  salaryMin: Type.Optional(Salary),
  salaryMax: Type.Optional(Salary),
  trainingLink: Type.Optional(editable.trainingLink),
  /** Post on behalf of a scope under the caller's own (a city editor for a town); default: the caller's scope. */
  ownerScope: Type.Optional(Type.Object({ type: ScopeType, id: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false })),
}, { additionalProperties: false });
export type CreateJobInput = Static<typeof CreateJobBody>;

export const UpdateJobBody = Type.Partial(Type.Object(editable), { additionalProperties: false });
export type UpdateJobInput = Static<typeof UpdateJobBody>;

export const JobListQuery = Type.Object({
  ...PageQuery,
  q: Type.Optional(Type.String({ maxLength: 50, description: 'in the position or the employer' })),
  status: Type.Optional(JobStatus),
  regionId: Type.Optional(Type.String({ pattern: '^\\d{12}$', description: 'a town or village: postings there and below' })),
  expired: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
export type JobListFilters = Static<typeof JobListQuery>;

export const JobSchema = Type.Object({
  id: Type.String(),
  employerName: Type.String(),
  position: Type.String(),
  headcount: Type.Integer(),
  region: Type.Object({ id: Type.String(), name: Type.String(), townName: Type.String() }),
  salaryMin: Type.Union([Type.Integer(), Type.Null()]),
  salaryMax: Type.Union([Type.Integer(), Type.Null()]),
  requirements: Type.String({ description: 'sanitised HTML' }),
  contact: Type.String(),
  validUntil: Type.String(),
  trainingLink: Type.Union([Type.String(), Type.Null()]),
  ownerScope: Type.Object({ type: ScopeType, id: Type.String(), name: Type.String() }),
  status: JobStatus,
  expired: Type.Boolean(),
  publishedAt: Type.Union([Type.String(), Type.Null()]),
  viewCount: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  abilities: Type.Object({ edit: Type.Boolean(), publish: Type.Boolean(), withdraw: Type.Boolean() }),
});

export const EmptyBody = Type.Optional(Type.Object({}, { additionalProperties: false }));
