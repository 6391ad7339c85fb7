import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/http/errors.js';
import { createFieldCrypto } from '../../../core/pii/field-crypto.js';
import { idNumberCheckChar } from '../../../core/pii/id-number.js';
import { protectIdNumber, protectPhone } from './person-fields.js';

const crypto = createFieldCrypto(Buffer.alloc(32, 3));
const TODAY = new Date(2026, 2, 2);
const body = '32990119800101003';
const VALID_ID = body + idNumberCheckChar(body);

function fieldOf(run: () => unknown): string | undefined {
  try { run(); } catch (error) { return error instanceof AppError ? error.fieldErrors?.[0]?.field : 'not an AppError'; }
  return undefined;
}

describe('protectPhone', () => {
  it('normalizes, encrypts and hashes a mobile number', () => {
    const stored = protectPhone(crypto, '+86 139-5200-1234');
    expect(stored.plain).toBe('13952001234');
    expect(crypto.decrypt(stored.enc!)).toBe('13952001234');
    expect(stored.hash).toBe(crypto.lookupHash('13952001234'));
  });

  it('clears on null or blank', () => {
    expect(protectPhone(crypto, null)).toEqual({ enc: null, hash: null, plain: null });
    expect(protectPhone(crypto, '  ')).toEqual({ enc: null, hash: null, plain: null });
  });

  it.each(['1234', '23952001234', '1395200123', '139520012345', 'phone', '０１３９５２００１２３４'])('refuses %j as a field error on phone', (raw) => {
    expect(fieldOf(() => protectPhone(crypto, raw))).toBe('phone');
  });
});

describe('protectIdNumber', () => {
  it('hashes the normalized value, so x and X are the same number', () => {
    const lower = protectIdNumber(crypto, VALID_ID.toLowerCase(), TODAY);
    const upper = protectIdNumber(crypto, VALID_ID, TODAY);
    expect(lower.hash).toBe(upper.hash);
    expect(crypto.decrypt(upper.enc!)).toBe(VALID_ID);
  });

  it.each([
    ['checksum', body + (idNumberCheckChar(body) === '0' ? '1' : '0')],
    ['format', body],
    ['birth date in the future', '32990120990101003X'],
  ])('refuses a bad number (%s) as a field error on idNumber', (_label, raw) => {
    expect(fieldOf(() => protectIdNumber(crypto, raw, TODAY))).toBe('idNumber');
  });
});
