import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasValidIdNumberChecksum, idNumberCheckChar, normalizeIdNumber, validateIdNumber } from './id-number.js';
import { maskIdNumber } from './mask.js';

const TODAY = new Date(2025, 5, 15); // a fixed "today" keeps the future-date tests stable

/** A 17-digit body with a valid birth date between 1900-01-01 and 2025-06-15. */
const validBody = fc
  .record({
    address: fc.integer({ min: 110000, max: 829999 }),
    birth: fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2025, 5, 15)), noInvalidDate: true }),
    sequence: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ address, birth, sequence }) => {
    const ymd = birth.toISOString().slice(0, 10).replace(/-/g, '');
    return `${address}${ymd}${String(sequence).padStart(3, '0')}`;
  });

const validIdNumber = validBody.map((body) => body + idNumberCheckChar(body));

describe('normalizeIdNumber', () => {
  it('trims and uppercases x', () => {
    expect(normalizeIdNumber('  11010519491231002x \n')).toBe('11010519491231002X');
  });
});

describe('idNumberCheckChar', () => {
  it.each([
    ['11010519491231002', 'X'],
    ['44052418800101001', '4'],
    ['53010219200508011', 'X'],
  ])('check char of %s is %s', (body, check) => {
    expect(idNumberCheckChar(body)).toBe(check);
  });

  it.each(['1101051949123100', '110105194912310021', '1101051949123100A', ''])('rejects body %j', (body) => {
    expect(() => idNumberCheckChar(body)).toThrow(RangeError);
  });
});

describe('validateIdNumber', () => {
  it('accepts the GB 11643 sample and derives birth date and sex', () => {
    expect(validateIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      value: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
    });
  });

  it('accepts 53010219200508011X as male', () => {
    expect(validateIdNumber('53010219200508011X', TODAY)).toEqual({
      ok: true,
      value: '53010219200508011X',
      birthDate: '1920-05-08',
      sex: 'male',
    });
  });

  it('rejects 440524188001010014 for its 1880 birth date even though its checksum is right', () => {
    expect(hasValidIdNumberChecksum('440524188001010014')).toBe(true);
    expect(validateIdNumber('440524188001010014', TODAY)).toEqual({ ok: false, reason: 'birth_date' });
  });

  it('rejects a wrong check digit', () => {
    expect(validateIdNumber('530102192005080119', TODAY)).toEqual({ ok: false, reason: 'checksum' });
  });

  it('accepts lowercase x and surrounding whitespace', () => {
    const result = validateIdNumber(' 11010519491231002x ', TODAY);
    expect(result).toMatchObject({ ok: true, value: '11010519491231002X' });
  });

  it.each([
    ['15-digit legacy number', '110105491231002'],
    ['17 digits', '11010519491231002'],
    ['19 digits', '1101051949123100211'],
    ['X in the body', '1101051949123X0021'],
    ['letter check char', '11010519491231002A'],
    ['empty', ''],
    ['full-width digits', '１１０１０５１９４９１２３１００２X'],
  ])('rejects %s as format', (_label, raw) => {
    expect(validateIdNumber(raw, TODAY)).toEqual({ ok: false, reason: 'format' });
  });

  it.each([
    ['Feb 30', '110105', '19990230'],
    ['Feb 29 in a common year', '110105', '19990229'],
    ['Feb 29 in 1900 (not a leap year)', '110105', '19000229'],
    ['month 13', '110105', '19991301'],
    ['day 0', '110105', '19990100'],
    ['day 32', '110105', '19990132'],
    ['April 31', '110105', '19990431'],
    ['before 1900', '110105', '18991231'],
    ['tomorrow', '110105', '20250616'],
    ['far future', '110105', '20990101'],
  ])('rejects %s as birth_date even with a correct checksum', (_label, address, ymd) => {
    const body = `${address}${ymd}002`;
    const id = body + idNumberCheckChar(body);
    expect(validateIdNumber(id, TODAY)).toEqual({ ok: false, reason: 'birth_date' });
  });

  it.each([
    ['Feb 29 in a leap year', '20000229'],
    ['1900-01-01', '19000101'],
    ['today', '20250615'],
  ])('accepts %s', (_label, ymd) => {
    const body = `110105${ymd}002`;
    expect(validateIdNumber(body + idNumberCheckChar(body), TODAY).ok).toBe(true);
  });

  it('uses the current date by default', () => {
    const nextYear = new Date().getFullYear() + 1;
    const body = `110105${nextYear}0101002`;
    expect(validateIdNumber(body + idNumberCheckChar(body))).toEqual({ ok: false, reason: 'birth_date' });
  });

  it('does not hard-reject unknown address codes (e.g. 81/82/83 residence permits)', () => {
    for (const address of ['810000', '830000', '990000']) {
      const body = `${address}19800101001`;
      expect(validateIdNumber(body + idNumberCheckChar(body), TODAY).ok).toBe(true);
    }
  });
});

describe('validateIdNumber properties', () => {
  it('accepts every valid body + its check char, with sex from the 17th digit', () => {
    fc.assert(
      fc.property(validIdNumber, (id) => {
        const result = validateIdNumber(id, TODAY);
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.sex).toBe(Number(id[16]) % 2 === 1 ? 'male' : 'female');
      }),
    );
  });

  it('accepts a lowercase x after normalisation', () => {
    fc.assert(
      fc.property(validIdNumber, (id) => {
        expect(validateIdNumber(id.toLowerCase(), TODAY).ok).toBe(true);
      }),
    );
  });

  it('rejects every single-character substitution', () => {
    fc.assert(
      fc.property(validIdNumber, (id) => {
        for (let position = 0; position < 18; position++) {
          const alphabet = position === 17 ? '0123456789X' : '0123456789';
          for (const replacement of alphabet) {
            if (replacement === id[position]) continue;
            const mutated = id.slice(0, position) + replacement + id.slice(position + 1);
            expect(validateIdNumber(mutated, TODAY).ok, mutated).toBe(false);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('rejects every adjacent transposition of different characters', () => {
    fc.assert(
      fc.property(validIdNumber, (id) => {
        for (let position = 0; position < 17; position++) {
          if (id[position] === id[position + 1]) continue;
          const swapped = id.slice(0, position) + id[position + 1] + id[position] + id.slice(position + 2);
          expect(validateIdNumber(swapped, TODAY).ok, swapped).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('the masker never emits the birth-date digits', () => {
    fc.assert(
      fc.property(validIdNumber, (id) => {
        const masked = maskIdNumber(id);
        expect(masked).toHaveLength(18);
        expect(masked.slice(6, 14)).toBe('********');
        expect(masked).not.toContain(id.slice(6, 14));
        // Only the first 3 and last 4 characters may be visible.
        expect(masked.replace(/\*/g, '')).toBe(id.slice(0, 3) + id.slice(14));
      }),
    );
  });
});
