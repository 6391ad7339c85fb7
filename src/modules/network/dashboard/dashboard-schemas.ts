import { Type, type TSchema } from '@sinclair/typebox';

const Count = Type.Integer({ minimum: 0 });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const NetworkDashboardSchema = Type.Object({
  /** The day (China Standard Time) the gap figures are computed for. */
  date: Type.String(),
  byTier: Type.Array(Type.Object({ tier: Type.String(), count: Count })),
  byKind: Type.Array(Type.Object({ kind: Type.String(), count: Count })),
  byTown: Type.Array(Type.Object({
    townId: Type.String(),
    townName: Type.String(),
    institutions: Count,
    centers: Count,
    /** Active people of the town's institutions in scope. */
    staff: Type.Object({ fullTime: Count, partTime: Count, volunteer: Count, total: Count }),
    population: Nullable(Type.Integer()),
    /** All active staff per 1,000 residents (3 decimals); null while the town's population is not recorded. */
    staffPerThousand: Nullable(Type.Number()),
  })),
  accreditation: Type.Array(Type.Object({ levelId: Type.String(), name: Type.String(), nameEn: Type.String(), count: Count })),
  gaps: Type.Object({
    institutionsChecked: Count,
    /** Every applicable indicator recorded and met for the current level. */
    meetingStandard: Count,
    /** At least one indicator below the current level's threshold. */
    shortOfCurrentLevel: Count,
    /** At least one applicable indicator without a value yet. */
    missingValues: Count,
    byIndicator: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), nameEn: Type.String(), short: Count })),
  }),
});
