import { Type, type Static } from '@sinclair/typebox';

/** TypeBox schemas of the standards routes: request validation and the OpenAPI document. */
const Tier = Type.Union([Type.Literal('center'), Type.Literal('base'), Type.Literal('supplementary')]);
const Code = Type.String({ minLength: 1, maxLength: 60 });
const LevelId = Type.String({ minLength: 1, maxLength: 40 });
/** Format checked in the handler (a real calendar date), so the error names the field in both languages. */
const DateText = Type.String({ maxLength: 10, description: 'YYYY-MM-DD (China Standard Time)' });
const FileId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const IndicatorSchema = Type.Object({
  code: Type.String(), nameZh: Type.String(), nameEn: Type.String(),
  unit: Type.String(), valueType: Type.Union([Type.Literal('number'), Type.Literal('boolean')]),
});
export const IndicatorListResponse = Type.Object({ items: Type.Array(IndicatorSchema) });

const VersionRef = Type.Object({ id: Type.String(), version: Type.Integer(), effectiveFrom: Type.String() });

export const StandardSummary = Type.Object({
  id: Type.String(), tier: Tier, levelId: Type.String(), version: Type.Integer(), effectiveFrom: Type.String(),
  note: Type.String(), createdAt: Type.String(),
  /** The version in force today for its tier and level. */
  inForce: Type.Boolean(),
});
export const StandardListQuery = Type.Object({ tier: Type.Optional(Tier), levelId: Type.Optional(LevelId) }, { additionalProperties: false });
export const StandardListResponse = Type.Object({ items: Type.Array(StandardSummary) });
export const StandardDetail = Type.Object({
  ...StandardSummary.properties,
  thresholds: Type.Array(Type.Object({
    code: Type.String(), threshold: Type.Union([Type.Number(), Type.Null()]), required: Type.Union([Type.Boolean(), Type.Null()]),
  })),
});

export const CreateStandardBody = Type.Object({
  tier: Tier,
  levelId: LevelId,
  effectiveFrom: Type.Optional(DateText),
  note: Type.Optional(Type.String({ maxLength: 500 })),
  /** The whole set of the new version; an indicator left out does not apply in it. */
  thresholds: Type.Array(Type.Object({
    code: Code,
    threshold: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
    required: Type.Optional(Type.Boolean()),
  }, { additionalProperties: false }), { maxItems: 100 }),
}, { additionalProperties: false });
export type CreateStandardBodyType = Static<typeof CreateStandardBody>;

const Value = Type.Union([Type.Number(), Type.Boolean(), Type.Null()]);

export const InstitutionIndicatorsResponse = Type.Object({
  institutionId: Type.String(),
  items: Type.Array(Type.Object({
    ...IndicatorSchema.properties,
    value: Value,
    evidenceNote: Type.String(),
    evidenceFileId: Nullable(Type.String()),
    /** The evidence file's name (null when none, or for an id recorded before evidence files were checked). */
    evidenceFileName: Nullable(Type.String()),
    recordedAt: Nullable(Type.String()),
    /** Send it back with the new value: 0 when nothing is recorded yet; a stale one gets 409. */
    version: Type.Integer(),
  })),
});

export const PutIndicatorsBody = Type.Object({
  values: Type.Array(Type.Object({
    code: Code,
    /** A number (≥ 0) or, for yes/no indicators, a boolean; text is refused with a field error. */
    value: Type.Union([Type.Number(), Type.Boolean(), Type.String({ maxLength: 100 })]),
    evidenceNote: Type.Optional(Type.String({ maxLength: 1000 })),
    /** The id of an uploaded evidence file (uploading itself is not part of this API yet). */
    evidenceFileId: Type.Optional(Type.Union([FileId, Type.Null()])),
    version: Type.Integer({ minimum: 0, maximum: 2_000_000_000 }),
  }, { additionalProperties: false }), { minItems: 1, maxItems: 100 }),
}, { additionalProperties: false });
export type PutIndicatorsBodyType = Static<typeof PutIndicatorsBody>;

const Status = Type.Union([Type.Literal('met'), Type.Literal('short'), Type.Literal('missing'), Type.Literal('not_applicable')]);
const Counts = Type.Object({ met: Type.Integer(), short: Type.Integer(), missing: Type.Integer(), not_applicable: Type.Integer() });
const Cell = Type.Object({
  status: Status,
  threshold: Type.Union([Type.Number(), Type.Boolean(), Type.Null()]),
  /** How much is missing to meet the threshold (0 when met; null for yes/no and when not comparable). */
  shortfall: Type.Union([Type.Number(), Type.Null()]),
});
const LevelRef = Type.Object({ id: Type.String(), nameZh: Type.String(), nameEn: Type.String(), rank: Type.Integer() });

export const GapReportQuery = Type.Object({ date: Type.Optional(DateText) }, { additionalProperties: false });
export const GapReportResponse = Type.Object({
  institution: Type.Object({ id: Type.String(), name: Type.String(), tier: Tier, levelId: Type.String() }),
  /** The report date: standards, values and level are those of that day. */
  date: Type.String(),
  current: Type.Object({ level: LevelRef, standard: Type.Union([VersionRef, Type.Null()]) }),
  next: Type.Union([Type.Object({ level: LevelRef, standard: Type.Union([VersionRef, Type.Null()]) }), Type.Null()]),
  indicators: Type.Array(Type.Object({
    ...IndicatorSchema.properties,
    value: Value,
    recordedAt: Nullable(Type.String()),
    evidenceNote: Type.String(),
    evidenceFileId: Nullable(Type.String()),
    current: Cell,
    next: Type.Union([Cell, Type.Null()]),
  })),
  summary: Type.Object({ current: Counts, next: Type.Union([Counts, Type.Null()]) }),
});

export const GapMatrixQuery = Type.Object({
  tier: Type.Optional(Tier),
  town: Type.Optional(Type.String({ pattern: '^[0-9]{12}$' })),
}, { additionalProperties: false });
export const GapMatrixResponse = Type.Object({
  date: Type.String(),
  indicators: Type.Array(IndicatorSchema),
  rows: Type.Array(Type.Object({
    institution: Type.Object({ id: Type.String(), name: Type.String(), tier: Tier, levelId: Type.String(), regionId: Type.String() }),
    standard: Type.Union([VersionRef, Type.Null()]),
    /** One per indicator, in the order of `indicators`. */
    cells: Type.Array(Type.Object({ code: Type.String(), status: Status, value: Value, shortfall: Type.Union([Type.Number(), Type.Null()]) })),
    summary: Counts,
  })),
  summary: Counts,
});
