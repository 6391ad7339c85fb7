import { describe, expect, it } from 'vitest';
import { duplicateRuleIndex, priorityGroupOf, type ApplicantFacts, type PriorityRule } from './priority-rules.js';

const facts = (f: Partial<ApplicantFacts>): ApplicantFacts => ({ everEnrolled: true, residentOfTown: false, returning: false, age: 50, ...f });

describe('lottery priority groups', () => {
  const rules: PriorityRule[] = [{ rule: 'never_enrolled' }, { rule: 'resident_of_town' }, { rule: 'age_at_least', age: 60 }];

  it('puts an applicant in the group of the first rule they meet', () => {
    expect(priorityGroupOf(rules, facts({ everEnrolled: false, residentOfTown: true }))).toBe(1);
    expect(priorityGroupOf(rules, facts({ residentOfTown: true, age: 70 }))).toBe(2);
    expect(priorityGroupOf(rules, facts({ age: 60 }))).toBe(3);
    expect(priorityGroupOf(rules, facts({ age: 59 }))).toBe(4);
    expect(priorityGroupOf(rules, facts({ age: null }))).toBe(4);
    expect(priorityGroupOf([{ rule: 'returning_student' }], facts({ returning: true }))).toBe(1);
  });

  it('puts everyone in group 1 without rules', () => {
    expect(priorityGroupOf([], facts({}))).toBe(1);
  });

  it('finds a repeated rule', () => {
    expect(duplicateRuleIndex(rules)).toBe(-1);
    expect(duplicateRuleIndex([...rules, { rule: 'age_at_least', age: 60 }])).toBe(3);
    expect(duplicateRuleIndex([{ rule: 'age_at_least', age: 60 }, { rule: 'age_at_least', age: 70 }])).toBe(-1);
  });
});
