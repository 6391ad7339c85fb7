import { Type, type Static } from '@sinclair/typebox';
// Spelled out (not mapped from RULE_CATEGORIES) so the static type stays the union of literals.
const Category = Type.Union([Type.Literal('any'), Type.Literal('science'), Type.Literal('culture_civic'), Type.Literal('employment'),
  Type.Literal('income'), Type.Literal('health'), Type.Literal('arts'), Type.Literal('digital'), Type.Literal('other')]);

const RuleFields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  /** 'any' counts the credits of every category together. */
  category: Category,
  /** Credits (学分), at most one decimal place. */
  creditsRequired: Type.Number({ minimum: 0.1, maximum: 10000 }),
  /** The city certificate the rule awards, e.g. 青溪市数字技能证书. */
  awardTitle: Type.String({ minLength: 1, maxLength: 100 }),
};

export const CreateRuleBody = Type.Object({ ...RuleFields, active: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
export type CreateRuleInput = Static<typeof CreateRuleBody>;

/** The whole rule again with the version that was read (stale → 409); `active: false` deactivates it. */
export const UpdateRuleBody = Type.Object({ ...RuleFields, active: Type.Boolean(), version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export type UpdateRuleInput = Static<typeof UpdateRuleBody>;

export const RuleSchema = Type.Object({
  id: Type.String(), name: Type.String(), category: Category, creditsRequired: Type.Number(), awardTitle: Type.String(),
  active: Type.Boolean(), version: Type.Integer(), awarded: Type.Integer(), createdAt: Type.String(), updatedAt: Type.String(),
});
