import { Type, type Static } from '@sinclair/typebox';

const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' });
export const StatusSchema = Type.Union([Type.Literal('present'), Type.Literal('absent'), Type.Literal('late'), Type.Literal('excused')]);
const MethodSchema = Type.Union([Type.Literal('tap'), Type.Literal('qr'), Type.Literal('staff')]);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const MarksBody = Type.Object({
  marks: Type.Array(Type.Object({ userId: Id, status: StatusSchema }, { additionalProperties: false }), { minItems: 1, maxItems: 500 }),
}, { additionalProperties: false });
export type MarksBodyT = Static<typeof MarksBody>;

export const RosterSchema = Type.Object({
  session: Type.Object({ id: Type.String(), classId: Type.String(), classTitle: Type.String(), seq: Type.Integer(), startsAt: Type.String(),
    endsAt: Type.String(), status: Type.String(), venue: Type.String() }),
  role: Type.Union([Type.Literal('teacher'), Type.Literal('staff')]),
  items: Type.Array(Type.Object({ userId: Type.String(), name: Type.String(), enrolmentId: Type.String(), status: Nullable(StatusSchema),
    method: Nullable(MethodSchema), markedAt: Nullable(Type.String()) })),
});

export const SheetSchema = Type.Object({
  classId: Type.String(),
  completionRule: Type.String(),
  completionThreshold: Type.Integer(),
  held: Type.Integer(),
  sessions: Type.Array(Type.Object({ id: Type.String(), seq: Type.Integer(), startsAt: Type.String(), endsAt: Type.String(), status: Type.String(), held: Type.Boolean() })),
  residents: Type.Array(Type.Object({ userId: Type.String(), name: Type.String(), enrolmentId: Type.String(), enrolmentStatus: Type.String(),
    attended: Type.Integer(), rate: Nullable(Type.Number()), passed: Nullable(Type.Boolean()) })),
  marks: Type.Array(Type.Object({ sessionId: Type.String(), userId: Type.String(), status: StatusSchema, method: MethodSchema })),
});

export const MyAttendanceSchema = Type.Object({
  items: Type.Array(Type.Object({
    classId: Type.String(), classTitle: Type.String(), institutionName: Type.String(), enrolmentStatus: Type.String(),
    attended: Type.Integer(), held: Type.Integer(),
    sessions: Type.Array(Type.Object({ seq: Type.Integer(), startsAt: Type.String(), endsAt: Type.String(), cancelled: Type.Boolean(), status: Nullable(StatusSchema) })),
  })),
});
