import { Type } from '@sinclair/typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

/** `GET /api/v1/learning/me/record`: the caller's lifelong learning record (numbers are decimals: 12.5 hours). */
export const RecordSchema = Type.Object({
  name: Type.String(),
  generatedAt: Type.String(),
  totals: Type.Object({
    classes: Type.Integer(), completedClasses: Type.Integer(), onlineCompleted: Type.Integer(), hours: Type.Number(),
    certificates: Type.Integer(), credits: Type.Number(), awards: Type.Integer(),
  }),
  classes: Type.Array(Type.Object({
    enrolmentId: Type.String(), classId: Type.String(), classTitle: Type.String(), courseTitle: Type.String(), category: Type.String(),
    institutionName: Type.String(), termName: Type.String(), startsOn: Type.String(), endsOn: Type.String(), hours: Type.Number(),
    credits: Type.Number(), status: Type.Union([Type.Literal('enrolled'), Type.Literal('completed')]), enrolledAt: Nullable(Type.String()),
    completedAt: Nullable(Type.String()), attended: Type.Integer(), held: Type.Integer(), attendancePercent: Nullable(Type.Number()),
    certificate: Nullable(Type.Object({ id: Type.String(), number: Type.String(), code: Type.String(), valid: Type.Boolean() })),
  })),
  online: Type.Array(Type.Object({
    courseId: Type.String(), title: Type.String(), category: Type.String(), hours: Type.Number(), credits: Type.Number(), percent: Type.Number(),
    startedAt: Type.String(), completedAt: Nullable(Type.String()), creditsAwarded: Nullable(Type.Number()),
  })),
  certificates: Type.Array(Type.Object({
    id: Type.String(), code: Type.String(), number: Type.String(), holderName: Type.String(), classId: Type.String(), classTitle: Type.String(),
    courseTitle: Type.String(), hours: Type.Number(), credits: Type.Number(), institutionName: Type.String(), issuedAt: Type.String(),
    revokedAt: Nullable(Type.String()), revokeReason: Nullable(Type.String()), valid: Type.Boolean(),
  })),
  credits: Type.Object({
    total: Type.Number(),
    byCategory: Type.Array(Type.Object({ category: Type.String(), credits: Type.Number() })),
    entries: Type.Array(Type.Object({
      sourceKind: Type.Union([Type.Literal('class'), Type.Literal('online'), Type.Literal('revocation'), Type.Literal('conversion'), Type.Literal('manual')]),
      sourceId: Type.String(), title: Type.String(), category: Type.String(), credits: Type.Number(), at: Type.String(),
    })),
  }),
  awards: Type.Array(Type.Object({
    id: Type.String(), title: Type.String(), number: Type.String(), code: Type.String(), category: Type.String(),
    creditsRequired: Type.Number(), credits: Type.Number(), awardedAt: Type.String(),
  })),
  rules: Type.Array(Type.Object({
    id: Type.String(), name: Type.String(), category: Type.String(), creditsRequired: Type.Number(), awardTitle: Type.String(),
    credits: Type.Number(), awarded: Type.Boolean(),
  })),
  timeline: Type.Array(Type.Object({ at: Type.String(), kind: Type.String(), title: Type.String(), credits: Type.Optional(Type.Number()) })),
});
