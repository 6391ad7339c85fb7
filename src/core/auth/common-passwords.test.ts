import { describe, expect, it } from 'vitest';
import { commonPasswords } from './common-passwords.js';

describe('commonPasswords', () => {
  it('holds between 1,000 and 3,000 entries', () => {
    expect(commonPasswords.size).toBeGreaterThanOrEqual(1000);
    expect(commonPasswords.size).toBeLessThanOrEqual(3000);
  });

  it('stores lowercase entries only', () => {
    for (const entry of commonPasswords) expect(entry).toBe(entry.toLowerCase());
  });

  it.each([
    // digit runs
    '123456', '12345678', '1234567890', '987654321', '111111', '000000', '666666', '888888', '88888888',
    '5201314', '1314520', '147258369', '123123123', '123123',
    // keyboard walks
    'qwerty', 'qwertyuiop', 'asdfghjkl', '1qaz2wsx', 'zaq12wsx', 'qazwsxedc', '1q2w3e4r',
    // words with suffixes
    'password', 'passw0rd', 'p@ssw0rd', 'admin', 'administrator', 'letmein', 'welcome', 'iloveyou',
    'woaini', 'abc123', 'abcd1234', 'a123456', 'aa123456', 'qq123456', 'zhang123', 'admin@123',
    'password123', 'woaini1314',
    // short words with years
    'zhang1985', 'love2000', 'qq1950', 'woaini2025',
  ])('contains %j', (entry) => {
    expect(commonPasswords.has(entry)).toBe(true);
  });
});
