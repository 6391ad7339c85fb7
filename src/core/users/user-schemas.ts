import { Type } from '@sinclair/typebox';
import { PageQuery } from '../http/pagination.js';
import { RoleGrantSchema } from '../auth/me-presenter.js';

const ScopeType = Type.Union([Type.Literal('city'), Type.Literal('region'), Type.Literal('institution')]);

export const RequestedGrantSchema = Type.Object({
  role: Type.String({ minLength: 1, maxLength: 40 }),
  scopeType: ScopeType,
  scopeId: Type.String({ minLength: 1, maxLength: 64 }),
}, { additionalProperties: false });

export const UserSummarySchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  kind: Type.Union([Type.Literal('staff'), Type.Literal('resident')]),
  status: Type.Union([Type.Literal('active'), Type.Literal('disabled'), Type.Literal('locked')]),
  phone: Type.Union([Type.String(), Type.Null()], { description: 'masked by the server, e.g. 138****1234' }),
  idNumber: Type.Union([Type.String(), Type.Null()], { description: 'masked by the server, e.g. 110***********1234' }),
  roles: Type.Array(RoleGrantSchema),
  homeScope: Type.Object({ type: ScopeType, id: Type.String(), name: Type.String() }),
  mfaEnabled: Type.Boolean(),
  createdAt: Type.String(),
  lastLoginAt: Type.Union([Type.String(), Type.Null()]),
  abilities: Type.Object({
    update: Type.Boolean(), disable: Type.Boolean(), enable: Type.Boolean(),
    resetPassword: Type.Boolean(), assignRoles: Type.Boolean(), reveal: Type.Boolean(),
  }),
});

export const UserListQuery = Type.Object({
  ...PageQuery,
  q: Type.Optional(Type.String({ maxLength: 50 })),
  role: Type.Optional(Type.String({ maxLength: 40 })),
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled'), Type.Literal('locked')])),
  regionId: Type.Optional(Type.String({ pattern: '^\\d{12}$' })),
}, { additionalProperties: false });

export const CreateUserBody = Type.Object({
  username: Type.String({ minLength: 3, maxLength: 32 }),
  displayName: Type.String({ minLength: 1, maxLength: 50 }),
  phone: Type.Optional(Type.String({ maxLength: 20 })),
  idNumber: Type.Optional(Type.String({ maxLength: 20 })),
  roles: Type.Array(RequestedGrantSchema, { minItems: 1, maxItems: 20 }),
}, { additionalProperties: false });

export const UpdateUserBody = Type.Object({
  displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  phone: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])),
  idNumber: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])),
}, { additionalProperties: false });

export const ReplaceRolesBody = Type.Object({
  roles: Type.Array(RequestedGrantSchema, { minItems: 1, maxItems: 20 }),
}, { additionalProperties: false });

export const EmptyBody = Type.Optional(Type.Object({}, { additionalProperties: false }));
