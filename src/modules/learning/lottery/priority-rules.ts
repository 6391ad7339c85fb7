import { Type, type Static } from '@sinclair/typebox';

/**
 * The predefined priority rules a lottery's groups are made of. Groups are the configured rules in order: an applicant
 * is in group k for the first rule k they meet, and in group (rules + 1) — "everyone else" — when they meet none.
 */
export const PriorityRuleSchema = Type.Union([
  Type.Object({ rule: Type.Literal('never_enrolled') }, { additionalProperties: false }),
  Type.Object({ rule: Type.Literal('resident_of_town') }, { additionalProperties: false }),
  Type.Object({ rule: Type.Literal('returning_student') }, { additionalProperties: false }),
  Type.Object({ rule: Type.Literal('age_at_least'), age: Type.Integer({ minimum: 1, maximum: 120 }) }, { additionalProperties: false }),
]);
export type PriorityRule = Static<typeof PriorityRuleSchema>;
export const MAX_PRIORITY_RULES = 6;

/** What the rules look at, gathered once per applicant when they apply. */
export interface ApplicantFacts {
  /** Has had an enrolment in any other class (enrolled at some point: enrolled_at is set). */
  everEnrolled: boolean;
  /** Lives in the class's town (home path under the town's path). */
  residentOfTown: boolean;
  /** Enrolled in or completed a class of the same course in the previous term (续报). */
  returning: boolean;
  /** Full years on the class's first day; null when no birth date is known. */
  age: number | null;
}

export function meetsRule(rule: PriorityRule, facts: ApplicantFacts): boolean {
  switch (rule.rule) {
    case 'never_enrolled': return !facts.everEnrolled;
    case 'resident_of_town': return facts.residentOfTown;
    case 'returning_student': return facts.returning;
    case 'age_at_least': return facts.age !== null && facts.age >= rule.age;
  }
}

export function priorityGroupOf(rules: readonly PriorityRule[], facts: ApplicantFacts): number {
  const i = rules.findIndex((r) => meetsRule(r, facts));
  return i === -1 ? rules.length + 1 : i + 1;
}

/** A stored rule list; anything unexpected in the column is a programming error, not user input. */
export function parseRules(json: string): PriorityRule[] {
  return JSON.parse(json) as PriorityRule[];
}

/** Two rules that are the same make the second group empty: refused so the published groups mean what they say. */
export function duplicateRuleIndex(rules: readonly PriorityRule[]): number {
  const seen = new Set<string>();
  for (const [i, r] of rules.entries()) {
    const key = JSON.stringify(r);
    if (seen.has(key)) return i;
    seen.add(key);
  }
  return -1;
}
