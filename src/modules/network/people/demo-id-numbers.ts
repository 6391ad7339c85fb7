import { idNumberCheckChar } from '../../../core/pii/id-number.js';

/**
 * Invented citizen ID numbers for demo staff: checksum-valid (so they pass GB 11643 validation like real ones)
 * but under the address prefix 3299, which no real division uses, so no real person's number is ever stored.
 */
export const DEMO_ID_PREFIX = '3299';

/** The n-th demo ID number: deterministic, unique for n < 100,000, birth dates between 1960 and 1999. */
export function demoIdNumber(n: number): string {
  const area = String(n % 100).padStart(2, '0');
  const year = 1960 + (n % 40);
  const month = String((n % 12) + 1).padStart(2, '0');
  const day = String((n % 28) + 1).padStart(2, '0');
  const sequence = String(Math.floor(n / 100) % 1000).padStart(3, '0');
  const body = `${DEMO_ID_PREFIX}${area}${year}${month}${day}${sequence}`;
  return body + idNumberCheckChar(body);
}
