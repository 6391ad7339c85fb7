import { describe, expect, it } from 'vitest';
import { checkPassword, MAX_PASSWORD_LENGTH, type PasswordContext, type PasswordRejection } from './password-policy.js';

const resident: PasswordContext = { kind: 'resident' };
const staff: PasswordContext = { kind: 'staff' };
const person: PasswordContext = {
  kind: 'resident',
  username: 'zhangsan',
  phone: '13812341234',
  idNumber: '11010519491231002X',
};

function reasonsOf(password: string, ctx: PasswordContext): PasswordRejection[] {
  const result = checkPassword(password, ctx);
  return result.ok ? [] : result.reasons;
}

describe('checkPassword', () => {
  it.each<[string, string, PasswordContext, PasswordRejection[]]>([
    ['7 chars is too short', 'Gk7#pq2', resident, ['too_short']],
    ['8 chars is enough', 'gk7pq2vz', resident, []],
    ['129 code points is too long', 'a'.repeat(MAX_PASSWORD_LENGTH) + 'b', resident, ['too_long']],
    ['128 code points is allowed', 'ab'.repeat(64), resident, []],
    ['staff with 2 classes', 'Zkwmbvtr', staff, ['too_few_classes']],
    ['staff with 2 classes (digits + lower)', 'zkwm4821', staff, ['too_few_classes']],
    ['staff with 3 classes', 'Xy7!abcd', staff, []],
    ['staff with lower, digit and CJK', '学习abcd1234', staff, []],
    ['resident with 1 class', 'correcthorsebattery', resident, []],
    ['common exact', 'password', resident, ['common']],
    ['common, case-insensitive', 'PassWord123', resident, ['common']],
    ['common digit run', '12345678', resident, ['common']],
    ['common keyboard walk', '1qaz2wsx', resident, ['common']],
    ['common pinyin with year', 'Zhang1985', resident, ['common']],
    ['context word learningcity', 'MyLearningCity!', resident, ['common']],
    ['context word with separators', 'learning-city-2025', resident, ['common']],
    ['context word with space', 'I love Learning City', resident, ['common']],
    ['context word 学习型城市', '我爱学习型城市平台', resident, ['common']],
    ['context word 社区教育', '社区教育真好啊123', resident, ['common']],
    ['contains username', 'my-zhangsan-pw', person, ['contains_personal']],
    ['contains username, other case', 'ZhangSan!2024x', person, ['contains_personal']],
    ['contains phone', 'pw13812341234', person, ['contains_personal']],
    ['contains phone with dashes', 'x138-1234-1234', person, ['contains_personal']],
    ['contains ID tail', 'abc31002xyz', person, ['contains_personal']],
    ['contains birth date from ID', 'born19491231', person, ['contains_personal']],
    ['contains 6-digit run from ID start', 'area110105!', person, ['contains_personal']],
    ['5 digits from ID is fine', 'home11010abc', person, []],
    ['short username (< 4) is not checked', 'bobby-tables-x', { kind: 'resident', username: 'bob' }, []],
    ['several reasons at once', 'abc', staff, ['too_short', 'too_few_classes', 'common']],
    ['several reasons, personal too', 'Zhangsan', { ...person, kind: 'staff' }, ['too_few_classes', 'contains_personal']],
  ])('%s', (_label, password, ctx, expected) => {
    expect(reasonsOf(password, ctx)).toEqual(expected);
  });

  it('accepts a 64-character password', () => {
    const password = 'Correct-Horse-Battery-Staple-9-Correct-Horse-Battery-Staple-9-ab';
    expect([...password]).toHaveLength(64);
    expect(checkPassword(password, { ...person, kind: 'staff' })).toEqual({ ok: true });
  });

  it('counts Unicode code points, not UTF-16 units', () => {
    const sevenEmoji = '😀😁😂🤣😃😄😅'; // 14 UTF-16 units
    expect(reasonsOf(sevenEmoji, resident)).toEqual(['too_short']);
    expect(reasonsOf('𠀾'.repeat(MAX_PASSWORD_LENGTH), resident)).toEqual([]);
  });

  it('rejects a password containing the user’s phone digits', () => {
    expect(checkPassword('13812341234abc', person)).toEqual({ ok: false, reasons: ['contains_personal'] });
  });

  it('rejects staff "Abcdefgh" (2 classes) and accepts "Xy7!abcd"-style passwords', () => {
    // 'abcdefgh' is also on the common list, so both reasons are reported.
    expect(checkPassword('Abcdefgh', staff)).toEqual({ ok: false, reasons: ['too_few_classes', 'common'] });
    expect(checkPassword('Xy7!abcd', staff)).toEqual({ ok: true });
    expect(checkPassword('Tq9$wnLp', staff)).toEqual({ ok: true });
  });

  it('accepts resident "correct horse battery"', () => {
    expect(checkPassword('correct horse battery', resident)).toEqual({ ok: true });
  });

  it('accepts extra context words from the deployment', () => {
    expect(reasonsOf('I love Hangzhou!', { kind: 'resident', contextWords: ['hangzhou', '杭州'] })).toEqual(['common']);
    expect(reasonsOf('杭州欢迎你啊朋友', { kind: 'resident', contextWords: ['杭州'] })).toEqual(['common']);
  });
});
