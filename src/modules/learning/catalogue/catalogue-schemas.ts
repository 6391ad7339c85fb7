import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, pageOf } from '../../../core/http/pagination.js';
import { COURSE_CATEGORIES } from '../learning-schema.js';

/**
 * Request and response shapes of the catalogue API. Dates (YYYY-MM-DD), times (HH:MM) and instants are plain
 * strings here and checked by the commands, so a wrong one is a field error naming the field, like other rules.
 */
const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' });
const RegionId = Type.String({ pattern: '^[0-9]{12}$' });
const DateText = Type.String({ maxLength: 10 });
const TimeText = Type.String({ maxLength: 5 });
const Instant = Type.String({ maxLength: 40 });
const Category = Type.Union(COURSE_CATEGORIES.map((c) => Type.Literal(c)));
const Nullable = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Integer>>(t: T) => Type.Union([t, Type.Null()]);

// --- terms ---
const termFields = {
  name: Type.String({ minLength: 1, maxLength: 60 }),
  startsOn: DateText,
  endsOn: DateText,
  enrolLimit: Type.Integer({ minimum: 1, maximum: 50 }),
  previousTermId: Nullable(Id),
};
export const CreateTermBody = Type.Object({ ...termFields, enrolLimit: Type.Optional(termFields.enrolLimit),
  previousTermId: Type.Optional(termFields.previousTermId) }, { additionalProperties: false });
export type CreateTermInput = Static<typeof CreateTermBody>;
export const UpdateTermBody = Type.Partial(Type.Object(termFields), { additionalProperties: false, minProperties: 1 });
export type UpdateTermInput = Static<typeof UpdateTermBody>;
export const TermSchema = Type.Object({
  id: Type.String(), name: Type.String(), startsOn: Type.String(), endsOn: Type.String(), enrolLimit: Type.Integer(),
  previousTermId: Type.Union([Type.String(), Type.Null()]), createdAt: Type.String(),
});
export const TermList = Type.Object({ items: Type.Array(TermSchema) });

// --- courses ---
const courseFields = {
  title: Type.String({ minLength: 1, maxLength: 100 }),
  category: Category,
  description: Type.String({ maxLength: 4000 }),
  audience: Type.String({ maxLength: 200 }),
  /** 学时 and 学分, decimals with one decimal place. */
  hours: Type.Number({ minimum: 0, maximum: 10000 }),
  credits: Type.Number({ minimum: 0, maximum: 1000 }),
  teacherUserId: Nullable(Id),
};
export const CreateCourseBody = Type.Object({
  institutionId: Id, ...courseFields,
  description: Type.Optional(courseFields.description), audience: Type.Optional(courseFields.audience),
  credits: Type.Optional(courseFields.credits), teacherUserId: Type.Optional(courseFields.teacherUserId),
}, { additionalProperties: false });
export type CreateCourseInput = Static<typeof CreateCourseBody>;
export const UpdateCourseBody = Type.Object({ version: Type.Integer({ minimum: 1 }), ...Type.Partial(Type.Object(courseFields)).properties },
  { additionalProperties: false });
export type UpdateCourseInput = Static<typeof UpdateCourseBody>;
export const VersionBody = Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export const CourseListQuery = Type.Object({
  ...PageQuery,
  institutionId: Type.Optional(Id), townId: Type.Optional(RegionId), category: Type.Optional(Category),
  status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('archived')])),
  q: Type.Optional(Type.String({ maxLength: 50 })),
}, { additionalProperties: false });
export const CourseSchema = Type.Object({
  id: Type.String(), institutionId: Type.String(), institutionName: Type.String(), title: Type.String(), category: Type.String(),
  description: Type.String(), audience: Type.String(), hours: Type.Number(), credits: Type.Number(),
  teacherUserId: Type.Union([Type.String(), Type.Null()]), teacherName: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(), version: Type.Integer(), createdAt: Type.String(), updatedAt: Type.String(),
});
export const CoursePage = pageOf(CourseSchema);

// --- classes ---
const classFields = {
  title: Type.String({ minLength: 1, maxLength: 100 }),
  teacherUserId: Nullable(Id),
  scheduleKind: Type.Union([Type.Literal('weekly'), Type.Literal('dates')]),
  /** ISO weekdays 1 (Monday) … 7 (Sunday), for 'weekly'. */
  weekdays: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { maxItems: 7 }),
  /** The session dates, for 'dates'. */
  dates: Type.Array(DateText, { maxItems: 400 }),
  startsOn: DateText,
  endsOn: DateText,
  startTime: TimeText,
  endTime: TimeText,
  venue: Type.String({ maxLength: 200 }),
  seats: Type.Integer({ minimum: 1, maximum: 100000 }),
  feeFen: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
  ageMin: Nullable(Type.Integer({ minimum: 0, maximum: 150 })),
  ageMax: Nullable(Type.Integer({ minimum: 0, maximum: 150 })),
  residencyRegionId: Nullable(RegionId),
  prerequisiteCourseId: Nullable(Id),
  mode: Type.Union([Type.Literal('first_come'), Type.Literal('lottery')]),
  returningOpensAt: Nullable(Instant),
  enrolOpensAt: Instant,
  enrolClosesAt: Instant,
  offerHours: Type.Integer({ minimum: 1, maximum: 336 }),
  completionRule: Type.Union([Type.Literal('attendance'), Type.Literal('assessment')]),
  completionThreshold: Type.Integer({ minimum: 0, maximum: 100 }),
};
const optionalOnCreate = ['title', 'teacherUserId', 'weekdays', 'dates', 'startsOn', 'endsOn', 'venue', 'feeFen', 'ageMin', 'ageMax',
  'residencyRegionId', 'prerequisiteCourseId', 'mode', 'returningOpensAt', 'offerHours', 'completionRule', 'completionThreshold'] as const;
export const CreateClassBody = Type.Object({
  courseId: Id, termId: Id,
  ...Type.Omit(Type.Object(classFields), optionalOnCreate).properties,
  ...Type.Partial(Type.Pick(Type.Object(classFields), optionalOnCreate)).properties,
}, { additionalProperties: false });
export type CreateClassInput = Static<typeof CreateClassBody>;
export const UpdateClassBody = Type.Object({ version: Type.Integer({ minimum: 1 }), ...Type.Partial(Type.Object(classFields)).properties },
  { additionalProperties: false });
export type UpdateClassInput = Static<typeof UpdateClassBody>;
export const CancelClassBody = Type.Object({ version: Type.Integer({ minimum: 1 }), reason: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }) },
  { additionalProperties: false });
export const ClassListQuery = Type.Object({
  ...PageQuery,
  termId: Type.Optional(Id), courseId: Type.Optional(Id), institutionId: Type.Optional(Id), townId: Type.Optional(RegionId),
  status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('open'), Type.Literal('cancelled'), Type.Literal('finished')])),
  q: Type.Optional(Type.String({ maxLength: 50 })),
}, { additionalProperties: false });
const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableInt = Type.Union([Type.Integer(), Type.Null()]);
export const ClassSchema = Type.Object({
  id: Type.String(), courseId: Type.String(), courseTitle: Type.String(), category: Type.String(),
  institutionId: Type.String(), institutionName: Type.String(), townId: Type.String(), townName: Type.String(),
  termId: Type.String(), termName: Type.String(), title: Type.String(), teacherUserId: NullableString, teacherName: NullableString,
  scheduleKind: Type.String(), weekdays: Type.Array(Type.Integer()), startTime: Type.String(), endTime: Type.String(),
  startsOn: Type.String(), endsOn: Type.String(), scheduleLabel: Type.String(), venue: Type.String(),
  seats: Type.Integer(), seatsTaken: Type.Integer(), feeFen: Type.Integer(), ageMin: NullableInt, ageMax: NullableInt,
  residencyRegionId: NullableString, residencyRegionName: NullableString, prerequisiteCourseId: NullableString, mode: Type.String(),
  returningOpensAt: NullableString, enrolOpensAt: Type.String(), enrolClosesAt: Type.String(), offerHours: Type.Integer(),
  completionRule: Type.String(), completionThreshold: Type.Integer(), status: Type.String(), cancelReason: NullableString,
  version: Type.Integer(), createdAt: Type.String(), updatedAt: Type.String(),
});
export const ClassPage = pageOf(ClassSchema);
export const SessionList = Type.Object({
  items: Type.Array(Type.Object({ id: Type.String(), seq: Type.Integer(), startsAt: Type.String(), endsAt: Type.String(), status: Type.String() })),
});

// --- teachers ---
export const TeacherQuery = Type.Object({ institutionId: Id }, { additionalProperties: false });
export const TeacherList = Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), displayName: Type.String() })) });
