import { Type } from '@sinclair/typebox';
import { PageQuery } from '../../../core/http/pagination.js';

const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Str = Type.String();
export const EnrolmentStatusSchema = Type.Union([Type.Literal('enrolled'), Type.Literal('waitlisted'), Type.Literal('offered'),
  Type.Literal('cancelled'), Type.Literal('expired'), Type.Literal('completed')]);
export const ConsentMethodSchema = Type.Union([Type.Literal('in_person'), Type.Literal('phone'), Type.Literal('written'), Type.Literal('video')]);

export const ConsentSchema = Type.Object({
  method: ConsentMethodSchema,
  note: Type.String({ maxLength: 500 }),
  at: Type.String({ format: 'date-time', maxLength: 40 }),
}, { additionalProperties: false });

export const EnrolBody = Type.Object({
  /** A family member enrolling a relative who gave a standing authorisation. */
  forUserId: Type.Optional(Id),
}, { additionalProperties: false });

export const ProxyEnrolBody = Type.Object({
  idNumber: Type.Optional(Type.String({ minLength: 15, maxLength: 20 })),
  userId: Type.Optional(Id),
  consent: Type.Optional(ConsentSchema),
}, { additionalProperties: false });

export const EnrolResultSchema = Type.Object({
  id: Str,
  status: Type.Union([Type.Literal('enrolled'), Type.Literal('waitlisted')]),
  waitlistPosition: Type.Optional(Type.Integer()),
});

export const EmptyBody = Type.Object({}, { additionalProperties: false });

export const RosterQuery = Type.Object({ status: Type.Optional(EnrolmentStatusSchema), ...PageQuery }, { additionalProperties: false });

export const RosterItem = Type.Object({
  id: Str, userId: Str, name: Str, status: EnrolmentStatusSchema,
  idNumber: Nullable(Str), phone: Nullable(Str),
  waitlistSeq: Type.Union([Type.Integer(), Type.Null()]), waitlistPosition: Type.Union([Type.Integer(), Type.Null()]),
  source: Str, actedByName: Nullable(Str), consentMethod: Nullable(Str), consentAt: Nullable(Str),
  enrolledAt: Nullable(Str), offerExpiresAt: Nullable(Str), createdAt: Str, version: Type.Integer(),
});

export const RosterSchema = Type.Object({
  classId: Str, title: Str, seats: Type.Integer(), seatsTaken: Type.Integer(),
  counts: Type.Record(Type.String(), Type.Integer()),
  items: Type.Array(RosterItem), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(),
});

const Person = Type.Union([Type.Object({ id: Str, name: Str }), Type.Null()]);
export const MyEnrolmentSchema = Type.Object({
  id: Str, classId: Str, classTitle: Str, institutionName: Str, classStatus: Str,
  startsOn: Str, endsOn: Str, startTime: Str, endTime: Str, venue: Str,
  status: EnrolmentStatusSchema, waitlistPosition: Type.Union([Type.Integer(), Type.Null()]),
  offerExpiresAt: Nullable(Str), enrolledAt: Nullable(Str), cancelledAt: Nullable(Str),
  source: Str, actedBy: Person, consentMethod: Nullable(Str), consentAt: Nullable(Str), createdAt: Str,
  events: Type.Array(Type.Object({ event: Str, at: Str, actor: Person })),
});

export const ProxyLinkBody = Type.Object({
  idNumber: Type.Optional(Type.String({ minLength: 15, maxLength: 20 })),
  userId: Type.Optional(Id),
  proxyUsername: Type.String({ minLength: 1, maxLength: 64 }),
  consent: Type.Optional(ConsentSchema),
}, { additionalProperties: false });

export const ProxyLinkQuery = Type.Object({ residentId: Type.Optional(Id) }, { additionalProperties: false });

export const ProxyLinkSchema = Type.Object({
  id: Str, residentId: Str, residentName: Str, proxyUserId: Str, proxyName: Str, proxyUsername: Str,
  consentMethod: Str, consentNote: Str, consentAt: Str, createdAt: Str, revokedAt: Nullable(Str),
});
