import { Type, type TSchema } from '@sinclair/typebox';
import { COURSE_CATEGORIES, type CourseCategory } from '../learning-schema.js';
import { AGE_GROUPS, type AgeGroup } from '../surveys/survey-schema.js';

const Count = Type.Integer({ minimum: 0 });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
/** A percentage with one decimal; null when there is nothing to divide by. */
const Percent = Nullable(Type.Number({ minimum: 0 }));
const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' });

export const StatsQuery = Type.Object({
  termId: Type.Optional(Id),
  townId: Type.Optional(Id),
}, { additionalProperties: false });

export const LearningStatsSchema = Type.Object({
  /** The day (China Standard Time) ages are computed for. */
  date: Type.String(),
  termId: Nullable(Type.String()),
  townId: Nullable(Type.String()),
  /** Where person-times come from: attendance marks (present or late). */
  personTimesSource: Type.Literal('attendance'),
  totals: Type.Object({
    classesOpen: Count, classesFinished: Count, seats: Count, seatsTaken: Count,
    enrolled: Count, offered: Count, waitlisted: Count, completed: Count, learners: Count, personTimes: Count,
  }),
  byTown: Type.Array(Type.Object({
    townId: Type.String(), townName: Type.String(),
    classes: Count, seats: Count, seatsTaken: Count, fillPercent: Percent,
    enrolments: Count, learners: Count, personTimes: Count,
    population: Nullable(Type.Integer()),
    /** Distinct learners in the town's classes per 1,000 residents (2 decimals); null without a population. */
    learnersPerThousand: Nullable(Type.Number()),
  })),
  byAgeGroup: Type.Array(Type.Object({ group: Type.Unsafe<AgeGroup>(Type.String({ enum: [...AGE_GROUPS] })), enrolments: Count })),
  byCategory: Type.Array(Type.Object({
    category: Type.Unsafe<CourseCategory>(Type.String({ enum: [...COURSE_CATEGORIES] })),
    enrolments: Count, finishedEnrolled: Count, finishedCompleted: Count, completionPercent: Percent,
  })),
  byInstitution: Type.Array(Type.Object({ institutionId: Type.String(), name: Type.String(), townId: Type.String(), enrolments: Count })),
});
