import { expect } from 'vitest';
import type { TestApp } from './test-app.js';

/** Call in afterAll/afterEach: no JSON response of the suite carried a full ID or mobile number. */
export function expectNoPersonalDataLeaks(t: TestApp) {
  expect(t.leaks, JSON.stringify(t.leaks)).toEqual([]);
}
