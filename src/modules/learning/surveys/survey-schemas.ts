import { Type, type Static } from '@sinclair/typebox';
import { PageQuery } from '../../../core/http/pagination.js';

const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' });
const RegionId = Type.String({ pattern: '^[0-9]{12}$' });
const Kind = Type.Union([Type.Literal('single'), Type.Literal('multiple'), Type.Literal('text')]);
const Status = Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('closed')]);
const Nullable = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Integer>>(t: T) => Type.Union([t, Type.Null()]);

export const QuestionInput = Type.Object({
  kind: Kind,
  title: Type.String({ minLength: 1, maxLength: 200 }),
  required: Type.Optional(Type.Boolean()),
  /** Multiple choice only: at most this many options may be chosen (absent: any number). */
  maxChoices: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  /** Free text only: at most this many characters (default 500). */
  maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 2000 })),
  options: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 30 })),
}, { additionalProperties: false });

const SurveyFields = {
  title: Type.String({ minLength: 1, maxLength: 100 }),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  /** The city or a town. */
  regionId: RegionId,
  /** Limit the survey to these villages of the region (absent or empty: the whole region). */
  villageIds: Type.Optional(Type.Array(RegionId, { maxItems: 100 })),
  opensAt: Type.String({ format: 'date-time' }),
  closesAt: Type.String({ format: 'date-time' }),
  questions: Type.Array(QuestionInput, { maxItems: 100 }),
};

export const CreateSurveyBody = Type.Object(SurveyFields, { additionalProperties: false });
export const UpdateSurveyBody = Type.Object({ ...SurveyFields, version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export const VersionBody = Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export type SurveyInput = Static<typeof CreateSurveyBody>;
export type UpdateSurveyInput = Static<typeof UpdateSurveyBody>;
export type QuestionInputT = Static<typeof QuestionInput>;

export const ListSurveysQuery = Type.Object({
  ...PageQuery,
  status: Type.Optional(Status),
  q: Type.Optional(Type.String({ maxLength: 100 })),
}, { additionalProperties: false });
export type ListSurveysInput = Static<typeof ListSurveysQuery>;

export const AnswerInput = Type.Object({
  questionId: Id,
  optionIds: Type.Optional(Type.Array(Id, { maxItems: 50 })),
  text: Type.Optional(Type.String({ maxLength: 5000 })),
}, { additionalProperties: false });
export const SubmitBody = Type.Object({ answers: Type.Array(AnswerInput, { maxItems: 200 }) }, { additionalProperties: false });
export type AnswerInputT = Static<typeof AnswerInput>;

const OptionSchema = Type.Object({ id: Type.String(), label: Type.String() });
export const QuestionSchema = Type.Object({
  id: Type.String(), kind: Kind, title: Type.String(), required: Type.Boolean(),
  maxChoices: Nullable(Type.Integer()), maxLength: Nullable(Type.Integer()), options: Type.Array(OptionSchema),
});

const SurveyCommon = {
  id: Type.String(),
  title: Type.String(),
  description: Type.String(),
  regionId: Type.String(),
  regionName: Type.String(),
  regionLevel: Type.String(),
  villages: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  status: Status,
  opensAt: Type.String(),
  closesAt: Type.String(),
};

export const SurveySummarySchema = Type.Object({
  ...SurveyCommon,
  version: Type.Integer(),
  questionCount: Type.Integer(),
  /** Respondents who live in the caller's scope. */
  respondents: Type.Integer(),
  updatedAt: Type.String(),
  abilities: Type.Object({ edit: Type.Boolean(), publish: Type.Boolean(), close: Type.Boolean(), delete: Type.Boolean() }),
});

export const SurveyDetailSchema = Type.Object({
  ...SurveyCommon,
  version: Type.Integer(),
  questionCount: Type.Integer(),
  respondents: Type.Integer(),
  updatedAt: Type.String(),
  createdAt: Type.String(),
  publishedAt: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  abilities: Type.Object({ edit: Type.Boolean(), publish: Type.Boolean(), close: Type.Boolean(), delete: Type.Boolean() }),
  questions: Type.Array(QuestionSchema),
});

export const SurveyFormSchema = Type.Object({
  ...SurveyCommon,
  questions: Type.Array(QuestionSchema),
  /** Open now (published and inside the window). */
  open: Type.Boolean(),
  /** The caller lives in the target region. */
  eligible: Type.Boolean(),
  answeredAt: Nullable(Type.String()),
});

export const OpenSurveySchema = Type.Object({ ...SurveyCommon, questionCount: Type.Integer(), answeredAt: Nullable(Type.String()) });

export const SubmittedSchema = Type.Object({ id: Type.String(), submittedAt: Type.String() });

const Count = Type.Object({ key: Type.String(), label: Type.String(), respondents: Type.Integer() });
const Breakdown = Type.Array(Type.Object({ key: Type.String(), count: Type.Integer(), answered: Type.Integer(), percent: Type.Number() }));
export const ResultsSchema = Type.Object({
  survey: Type.Object({ id: Type.String(), title: Type.String(), status: Status, regionName: Type.String() }),
  respondents: Type.Integer(),
  towns: Type.Array(Count),
  ageGroups: Type.Array(Count),
  questions: Type.Array(Type.Object({
    id: Type.String(), kind: Kind, title: Type.String(), required: Type.Boolean(),
    /** Respondents (in scope) who answered this question. */
    answered: Type.Integer(),
    options: Type.Array(Type.Object({
      id: Type.String(), label: Type.String(), count: Type.Integer(), percent: Type.Number(),
      byTown: Breakdown, byAge: Breakdown,
    })),
    /** Free-text answers, newest first, without names (at most 200 here; the export has all). */
    texts: Type.Array(Type.Object({ text: Type.String(), submittedAt: Type.String() })),
    textTotal: Type.Integer(),
  })),
});
