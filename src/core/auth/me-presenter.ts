import { Type } from '@sinclair/typebox';
import type { Actor } from '../access/actor.js';
import type { CoreContext } from '../context.js';

export const RoleGrantSchema = Type.Object({
  role: Type.String(),
  scopeType: Type.Union([Type.Literal('city'), Type.Literal('region'), Type.Literal('institution')]),
  scopeId: Type.String(),
  scopeName: Type.String(),
});

export const MeSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  kind: Type.Union([Type.Literal('staff'), Type.Literal('resident')]),
  roles: Type.Array(RoleGrantSchema),
  permissions: Type.Array(Type.String()),
  mfaEnabled: Type.Boolean(),
  mfaSetupRequired: Type.Boolean(),
  passwordChangeRequired: Type.Boolean(),
});

export async function presentMe(_core: CoreContext, actor: Actor) {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    kind: actor.kind,
    roles: actor.grants.map((g) => ({ role: g.role, scopeType: g.scopeType, scopeId: g.scopeId, scopeName: g.scopeName })),
    permissions: [...actor.permissions],
    mfaEnabled: actor.mfaEnabled,
    mfaSetupRequired: actor.mfaSetupRequired,
    passwordChangeRequired: actor.passwordChangeRequired,
  };
}
