import { Type, type Static } from '@sinclair/typebox';

const IsoDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });

export const AccreditationLevelSchema = Type.Object({
  id: Type.String(), nameZh: Type.String(), nameEn: Type.String(), rank: Type.Integer(),
});
export const AccreditationLevelList = Type.Object({ items: Type.Array(AccreditationLevelSchema) });

/** The names are configurable; ids and ranks are fixed (other parts' standards key on them). */
export const RenameLevelBody = Type.Object({
  nameZh: Type.String({ minLength: 1, maxLength: 20 }),
  nameEn: Type.String({ minLength: 1, maxLength: 40 }),
}, { additionalProperties: false });
export type RenameLevelInput = Static<typeof RenameLevelBody>;

export const LevelParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 32, pattern: '^[a-z_]+$' }) }, { additionalProperties: false });

export const SetAccreditationBody = Type.Object({
  levelId: Type.String({ minLength: 1, maxLength: 32 }),
  grantedOn: Type.Union([IsoDate, Type.Null()]),
  certificateNo: Type.String({ maxLength: 60 }),
  nextReviewOn: Type.Union([IsoDate, Type.Null()]),
}, { additionalProperties: false });
export type SetAccreditationInput = Static<typeof SetAccreditationBody>;

const Level = Type.Object({ id: Type.String(), nameZh: Type.String(), nameEn: Type.String() });
export const AccreditationSchema = Type.Object({
  institutionId: Type.String(),
  current: Type.Union([Type.Object({
    level: Level, grantedOn: Type.Union([Type.String(), Type.Null()]), certificateNo: Type.String(),
    nextReviewOn: Type.Union([Type.String(), Type.Null()]), updatedAt: Type.String(),
  }), Type.Null()]),
  history: Type.Array(Type.Object({
    id: Type.String(), fromLevel: Type.Union([Level, Type.Null()]), level: Level,
    grantedOn: Type.Union([Type.String(), Type.Null()]), certificateNo: Type.String(),
    nextReviewOn: Type.Union([Type.String(), Type.Null()]), changedBy: Type.Union([Type.String(), Type.Null()]), changedAt: Type.String(),
  })),
});

export const AccreditationSummarySchema = Type.Object({
  centers: Type.Integer(),
  levels: Type.Array(Type.Object({ id: Type.String(), nameZh: Type.String(), nameEn: Type.String(), rank: Type.Integer(), count: Type.Integer() })),
  /** e.g. "8 个社区教育中心：省级 2 个，市级 5 个，未评定 1 个" */
  textZh: Type.String(),
  textEn: Type.String(),
});
