import { describe, expect, it } from 'vitest';
import { ageGroupOf, checkAnswers, livesIn, pathAndAncestors, percent, questionErrors, townIdOfPath, type QuestionRule } from './survey-rules.js';

const QUESTIONS: QuestionRule[] = [
  { id: 'q1', kind: 'single', required: true, maxChoices: null, maxLength: null, optionIds: ['a', 'b', 'c'] },
  { id: 'q2', kind: 'multiple', required: false, maxChoices: 2, maxLength: null, optionIds: ['x', 'y', 'z'] },
  { id: 'q3', kind: 'text', required: false, maxChoices: null, maxLength: 5, optionIds: [] },
];

const codes = (r: ReturnType<typeof checkAnswers>) => r.errors.map((e) => `${e.field}:${e.code}`);

describe('checkAnswers', () => {
  it('turns a valid response into one row per chosen option or text', () => {
    const r = checkAnswers(QUESTIONS, [
      { questionId: 'q1', optionIds: ['b'] }, { questionId: 'q2', optionIds: ['x', 'z', 'x'] }, { questionId: 'q3', text: ' 好的 ' },
    ]);
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { questionId: 'q1', optionId: 'b', text: null },
      { questionId: 'q2', optionId: 'x', text: null }, { questionId: 'q2', optionId: 'z', text: null },
      { questionId: 'q3', optionId: null, text: '好的' },
    ]);
  });

  it('names every problem after its question', () => {
    expect(codes(checkAnswers(QUESTIONS, []))).toEqual(['answers.q1:required']);
    expect(codes(checkAnswers(QUESTIONS, [{ questionId: 'q1', optionIds: ['nope'] }]))).toEqual(['answers.q1:unknown_option']);
    expect(codes(checkAnswers(QUESTIONS, [{ questionId: 'q1', optionIds: ['a', 'b'] }]))).toEqual(['answers.q1:too_many']);
    expect(codes(checkAnswers(QUESTIONS, [{ questionId: 'q1', optionIds: ['a'] }, { questionId: 'q2', optionIds: ['x', 'y', 'z'] }])))
      .toEqual(['answers.q2:too_many']);
    expect(codes(checkAnswers(QUESTIONS, [{ questionId: 'q1', optionIds: ['a'] }, { questionId: 'q3', text: '一二三四五六' }])))
      .toEqual(['answers.q3:too_long']);
    expect(codes(checkAnswers(QUESTIONS, [{ questionId: 'q1', optionIds: ['a'] }, { questionId: 'zz', optionIds: ['a'] }])))
      .toEqual(['answers.zz:unknown_question']);
    expect(codes(checkAnswers(QUESTIONS, [{ questionId: 'q1', optionIds: ['a'] }, { questionId: 'q1', optionIds: ['b'] }])))
      .toEqual(['answers.q1:duplicate']);
    expect(codes(checkAnswers(QUESTIONS, [{ questionId: 'q1', text: 'a' }]))).toEqual(['answers.q1:choice_expected']);
  });

  it('counts characters as people do (a character outside the BMP is one)', () => {
    expect(checkAnswers(QUESTIONS, [{ questionId: 'q1', optionIds: ['a'] }, { questionId: 'q3', text: '𠀀𠀀𠀀𠀀𠀀' }]).errors).toEqual([]);
  });
});

describe('questionErrors', () => {
  it('needs questions, two distinct options per choice question, and sensible limits', () => {
    expect(questionErrors([]).map((e) => e.field)).toEqual(['questions']);
    const errors = questionErrors([
      { kind: 'single', title: '一', options: ['甲'] },
      { kind: 'multiple', title: '二', options: ['甲', '乙', '甲'], maxChoices: 2 },
      { kind: 'multiple', title: '三', options: ['甲', '乙'], maxChoices: 3 },
      { kind: 'text', title: '四', options: ['甲'] },
      { kind: 'single', title: '五', options: ['甲', '乙'] },
    ]);
    expect(errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'questions.0.options:too_few', 'questions.1.options.2:duplicate', 'questions.2.maxChoices:out_of_range', 'questions.3.options:not_allowed',
    ]);
  });
});

describe('age groups, towns and regions', () => {
  it('groups by age on the day of the answer', () => {
    const today = '2026-03-02';
    expect(ageGroupOf(null, today)).toBe('unknown');
    expect(ageGroupOf('1996-03-03', today)).toBe('under30');
    expect(ageGroupOf('1996-03-02', today)).toBe('30_44');
    expect(ageGroupOf('1981-03-03', today)).toBe('30_44');
    expect(ageGroupOf('1981-03-02', today)).toBe('45_59');
    expect(ageGroupOf('1966-03-02', today)).toBe('60_69');
    expect(ageGroupOf('1956-03-03', today)).toBe('60_69');
    expect(ageGroupOf('1956-03-02', today)).toBe('70plus');
  });

  it('reads the town from a path and knows who lives in a target', () => {
    expect(townIdOfPath('/329901000000/')).toBeNull();
    expect(townIdOfPath('/329901000000/329901102000/329901102001/')).toBe('329901102000');
    expect(pathAndAncestors('/c/t/v/')).toEqual(['/c/', '/c/t/', '/c/t/v/']);
    expect(livesIn('/c/t/v/', '/c/', [])).toBe(true);
    expect(livesIn('/c/', '/c/t/', [])).toBe(false);
    expect(livesIn('/c/t/v1/', '/c/t/', ['/c/t/v2/'])).toBe(false);
    expect(livesIn('/c/t/v2/', '/c/t/', ['/c/t/v2/'])).toBe(true);
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(0, 0)).toBe(0);
  });
});
