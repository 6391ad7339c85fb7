import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idNumberCheckChar } from './id-number.js';
import { findUnmaskedPersonalData, maskBirthDate, maskEmail, maskIdNumber, maskName, maskPhone } from './mask.js';

describe('maskIdNumber', () => {
  it('keeps the first 3 and last 4 characters', () => {
    expect(maskIdNumber('110105194912310021')).toBe('110***********0021');
    expect(maskIdNumber('110105194912310021')).toHaveLength(18);
  });

  it('normalizes before masking', () => {
    expect(maskIdNumber(' 11010519491231002x ')).toBe('110***********002X');
  });

  it('hides values of any other length completely', () => {
    expect(maskIdNumber('110105491231002')).toBe('***************');
    expect(maskIdNumber('')).toBe('');
  });

  it('passes null and undefined through as null', () => {
    expect(maskIdNumber(null)).toBeNull();
    expect(maskIdNumber(undefined)).toBeNull();
  });
});

describe('maskPhone', () => {
  it.each([
    ['13812341234', '138****1234'],
    [' 13812341234 ', '138****1234'],
    ['010-12345678', '010*****5678'],
    ['1381234', '*******'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });

  it('passes null and undefined through as null', () => {
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone(undefined)).toBeNull();
  });
});

describe('maskName', () => {
  it.each([
    ['张三丰', '张**'],
    ['张三', '张*'],
    ['欧阳娜娜', '欧***'],
    ['阿依古丽·买买提', '阿*******'],
    ['Alice', 'A****'],
    ['𠀾小明', '𠀾**'], // a supplementary-plane character counts as one
    ['张', '*'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(maskName(input)).toBe(expected);
  });

  it('passes null and undefined through as null', () => {
    expect(maskName(null)).toBeNull();
    expect(maskName(undefined)).toBeNull();
  });
});

describe('maskEmail', () => {
  it.each([
    ['zhangsan@example.com', 'z***@example.com'],
    ['ab@example.cn', 'a***@example.cn'],
    ['a@example.cn', '***@example.cn'],
    ['not-an-email', '***'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(maskEmail(input)).toBe(expected);
  });

  it('passes null and undefined through as null', () => {
    expect(maskEmail(null)).toBeNull();
    expect(maskEmail(undefined)).toBeNull();
  });
});

describe('maskBirthDate', () => {
  it('keeps only the year', () => {
    expect(maskBirthDate('1949-12-31')).toBe('1949-**-**');
    expect(maskBirthDate('19491231')).toBe('********');
    expect(maskBirthDate(null)).toBeNull();
  });
});

describe('findUnmaskedPersonalData', () => {
  it('finds checksum-valid ID numbers and mobile numbers in a JSON body', () => {
    const body = JSON.stringify({
      users: [
        { idNumber: '11010519491231002X', phone: '13812341234' },
        { idNumber: '53010219200508011x', phone: '+8615900001111' },
      ],
    });
    expect(findUnmaskedPersonalData(body)).toEqual([
      '11010519491231002X',
      '13812341234',
      '53010219200508011x',
      '15900001111',
    ]);
  });

  it('reports every occurrence, in order', () => {
    expect(findUnmaskedPersonalData('13812341234 and 13812341234')).toEqual(['13812341234', '13812341234']);
  });

  it('ignores 18-digit numbers with a wrong checksum', () => {
    expect(findUnmaskedPersonalData('{"id":"530102192005080119"}')).toEqual([]);
  });

  it('ignores numbers embedded in longer digit runs', () => {
    expect(findUnmaskedPersonalData('order 2138123412345')).toEqual([]);
    expect(findUnmaskedPersonalData('x911010519491231002X')).toEqual([]);
    expect(findUnmaskedPersonalData('11010519491231002X7')).toEqual([]);
  });

  it('ignores numbers that are not mainland mobiles', () => {
    expect(findUnmaskedPersonalData('12812341234 10086 01012345678')).toEqual([]);
  });

  it('does not report masked values', () => {
    const body = JSON.stringify({
      idNumber: maskIdNumber('11010519491231002X'),
      phone: maskPhone('13812341234'),
      name: maskName('张三丰'),
    });
    expect(findUnmaskedPersonalData(body)).toEqual([]);
  });

  it('property: a valid ID or mobile anywhere in text is found; its masked form never is', () => {
    const idNumber = fc
      .stringMatching(/^[1-8]\d{5}(19[0-9]{2}|20[01][0-9])(0[1-9]|1[0-2])(0[1-9]|1[0-9]|2[0-8])\d{3}$/)
      .map((body) => body + idNumberCheckChar(body));
    const mobile = fc.stringMatching(/^1[3-9]\d{9}$/);
    // Latin letters next to the digits would make it an identifier (UUID, token), which the scanner skips on purpose.
    const filler = fc.string({ unit: fc.constantFrom(' ', '"', ':', ',', '{', '}', '张', '-', '：') });
    fc.assert(
      fc.property(fc.oneof(idNumber, mobile), filler, filler, (secret, before, after) => {
        expect(findUnmaskedPersonalData(before + secret + after)).toEqual([secret]);
        const masked = secret.length === 18 ? maskIdNumber(secret) : maskPhone(secret);
        expect(findUnmaskedPersonalData(before + masked + after)).toEqual([]);
      }),
    );
  });
});

describe('findUnmaskedPersonalData inside identifiers', () => {
  it('ignores digit runs inside UUIDs and random tokens', () => {
    expect(findUnmaskedPersonalData('{"instance":"3684c638-9d09-431f-9c80-e18081549165"}')).toEqual([]);
    expect(findUnmaskedPersonalData('{"csrfToken":"Ab13812345678Zq"}')).toEqual([]);
    expect(findUnmaskedPersonalData('{"phone":"13812345678"}')).toEqual(['13812345678']);
  });
});

