import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, pageOf } from '../../../core/http/pagination.js';
import { COURSE_CATEGORIES } from '../learning-schema.js';
import { LESSON_KINDS } from './online-schema.js';

/** Request and response shapes of the online-course API. */
const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' });
const Category = Type.Union(COURSE_CATEGORIES.map((c) => Type.Literal(c)));
const Kind = Type.Union(LESSON_KINDS.map((k) => Type.Literal(k)));
const NullableString = Type.Union([Type.String(), Type.Null()]);

/** Lesson bodies are HTML, sanitised on save with the content module's allowlist. */
export const MAX_BODY_CHARS = 100_000;
/** Twelve hours: longer is a typo, not a lesson. */
export const MAX_DURATION_SECONDS = 12 * 3600;

const courseFields = {
  title: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
  category: Category,
  description: Type.String({ maxLength: 4000 }),
  /** 学时 and 学分, decimals with one decimal place. */
  hours: Type.Number({ minimum: 0, maximum: 10000 }),
  credits: Type.Number({ minimum: 0, maximum: 1000 }),
  /** A short line shown on the course's card. */
  coverText: Type.String({ maxLength: 200 }),
};

/** Either an existing catalogue course (`courseId`) or a new one at `institutionId` with its fields. */
export const CreateOnlineCourseBody = Type.Object({
  courseId: Type.Optional(Id),
  institutionId: Type.Optional(Id),
  ...Type.Partial(Type.Object(courseFields)).properties,
}, { additionalProperties: false });
export type CreateOnlineCourseInput = Static<typeof CreateOnlineCourseBody>;

export const UpdateOnlineCourseBody = Type.Object({ version: Type.Integer({ minimum: 1 }), ...Type.Partial(Type.Object(courseFields)).properties },
  { additionalProperties: false, minProperties: 2 });
export type UpdateOnlineCourseInput = Static<typeof UpdateOnlineCourseBody>;
export const VersionBody = Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

export const OnlineCourseQuery = Type.Object({
  ...PageQuery,
  institutionId: Type.Optional(Id),
  status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('published')])),
  q: Type.Optional(Type.String({ maxLength: 50 })),
}, { additionalProperties: false });
export type OnlineCourseQueryT = Static<typeof OnlineCourseQuery>;

const lessonFields = {
  title: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
  body: Type.String({ maxLength: MAX_BODY_CHARS }),
  durationSeconds: Type.Integer({ minimum: 0, maximum: MAX_DURATION_SECONDS }),
  required: Type.Boolean(),
};
export const CreateLessonBody = Type.Object({
  kind: Kind, title: lessonFields.title,
  ...Type.Partial(Type.Object({ body: lessonFields.body, durationSeconds: lessonFields.durationSeconds, required: lessonFields.required })).properties,
}, { additionalProperties: false });
export type CreateLessonInput = Static<typeof CreateLessonBody>;
export const UpdateLessonBody = Type.Partial(Type.Object(lessonFields), { additionalProperties: false, minProperties: 1 });
export type UpdateLessonInput = Static<typeof UpdateLessonBody>;
export const LessonOrderBody = Type.Object({ lessonIds: Type.Array(Id, { minItems: 1, maxItems: 500 }) }, { additionalProperties: false });

export const LessonParams = Type.Object({ id: Id, lessonId: Id }, { additionalProperties: false });

export const ProgressBody = Type.Object({
  /** Seconds into a video (ignored for text and documents). */
  position: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_DURATION_SECONDS })),
  completed: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
export type ProgressInput = Static<typeof ProgressBody>;

export const FileSchema = Type.Object({ id: Type.String(), name: Type.String(), size: Type.Integer(), mime: Type.String() });
export const LessonSchema = Type.Object({
  id: Type.String(), courseId: Type.String(), seq: Type.Integer(), title: Type.String(), kind: Type.String(), body: Type.String(),
  file: Type.Union([FileSchema, Type.Null()]), durationSeconds: Type.Integer(), required: Type.Boolean(),
  createdAt: Type.String(), updatedAt: Type.String(),
});
export const OnlineCourseSchema = Type.Object({
  id: Type.String(), institutionId: Type.String(), institutionName: Type.String(), title: Type.String(), category: Type.String(),
  description: Type.String(), hours: Type.Number(), credits: Type.Number(), coverText: Type.String(), status: Type.String(),
  version: Type.Integer(), lessonCount: Type.Integer(), publishedAt: NullableString, createdAt: Type.String(), updatedAt: Type.String(),
});
export const OnlineCoursePage = pageOf(OnlineCourseSchema);
export const OnlineCourseDetail = Type.Object({ ...OnlineCourseSchema.properties, lessons: Type.Array(LessonSchema) });

export const ProgressResult = Type.Object({
  lessonId: Type.String(), status: Type.String(), position: Type.Integer(), completedAt: NullableString,
  course: Type.Object({ id: Type.String(), percent: Type.Integer(), completedAt: NullableString, credits: Type.Union([Type.Number(), Type.Null()]) }),
});
export const MyOnlineCourses = Type.Object({
  items: Type.Array(Type.Object({
    courseId: Type.String(), title: Type.String(), hours: Type.Number(), credits: Type.Number(), percent: Type.Integer(),
    startedAt: Type.String(), completedAt: NullableString, creditsAwarded: Type.Union([Type.Number(), Type.Null()]),
  })),
});
