import { describe, expect, it } from 'vitest';
import { validateIdNumber } from '../../../core/pii/id-number.js';
import { DEMO_ID_PREFIX, demoIdNumber } from './demo-id-numbers.js';

describe('demoIdNumber', () => {
  const numbers = Array.from({ length: 5000 }, (_, n) => demoIdNumber(n));

  it('gives GB 11643-valid numbers under the invented prefix 3299 only', () => {
    for (const id of numbers) {
      expect(id.startsWith(DEMO_ID_PREFIX)).toBe(true);
      expect(validateIdNumber(id, new Date(2026, 0, 1)).ok, id).toBe(true);
    }
  });

  it('never repeats a number', () => {
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('is deterministic', () => {
    expect(demoIdNumber(42)).toBe(demoIdNumber(42));
  });
});
