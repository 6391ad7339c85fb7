import { Type } from '@sinclair/typebox';

const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const CertificateSchema = Type.Object({
  id: Type.String(), code: Type.String(), number: Type.String(), holderName: Type.String(), classId: Type.String(), classTitle: Type.String(),
  courseTitle: Type.String(), hours: Type.Number(), credits: Type.Number(), institutionName: Type.String(), issuedAt: Type.String(),
  revokedAt: Nullable(Type.String()), revokeReason: Nullable(Type.String()), valid: Type.Boolean(),
});

/** What anyone may learn from a code: the name masked, no ids. `kind` says which document the code names. */
const VerifiedCertificateSchema = Type.Object({
  kind: Type.Literal('certificate'),
  number: Type.String(), holderName: Type.String(), classTitle: Type.String(), courseTitle: Type.String(), hours: Type.Number(),
  credits: Type.Number(), institutionName: Type.String(), issuedAt: Type.String(), revokedAt: Nullable(Type.String()), valid: Type.Boolean(),
});

/** A credit-bank award: its title, the rule's category and threshold, the credits counted, the city that awards it. */
const VerifiedAwardSchema = Type.Object({
  kind: Type.Literal('award'),
  number: Type.String(), holderName: Type.String(), title: Type.String(), category: Type.String(), creditsRequired: Type.Number(),
  credits: Type.Number(), issuerName: Type.String(), issuedAt: Type.String(), revokedAt: Type.Null(), valid: Type.Boolean(),
});

export const VerifiedSchema = Type.Union([VerifiedCertificateSchema, VerifiedAwardSchema]);

/** Any 1–64 characters: a malformed code gets the same 404 as an unknown one (no hint what codes look like). */
export const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });

export const CompletionSchema = Type.Object({
  completed: Type.Integer(), certificates: Type.Array(Type.Object({ userId: Type.String(), number: Type.String() })),
});

export const AssessmentsBody = Type.Object({
  items: Type.Array(Type.Object({ enrolmentId: Id, passed: Type.Boolean() }, { additionalProperties: false }), { minItems: 1, maxItems: 500 }),
}, { additionalProperties: false });

export const RevokeBody = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 500, pattern: '\\S' }) }, { additionalProperties: false });
