import { describe, expect, it } from 'vitest';
import { normaliseDocNumber, parseDocNumber } from './doc-number.js';
import { isRealDate } from './dates.js';

describe('发文字号', () => {
  it('parses the standard form', () => {
    expect(parseDocNumber('青教发〔2023〕12号', 2027)).toEqual({ text: '青教发〔2023〕12号', prefix: '青教发', year: 2023, serial: 12 });
    expect(parseDocNumber('X教发〔2023〕12号', 2027)).toMatchObject({ prefix: 'X教发', serial: 12 });
    expect(parseDocNumber('柳政办函〔2024〕3号', 2027)).toMatchObject({ prefix: '柳政办函', year: 2024, serial: 3 });
  });

  it.each(['青教发[2023]12号', '青教发(2023)12号', '青教发（2023）12号', '青教发【2023】12号', '青教发［２０２３］１２号', ' 青教发 〔2023〕 12号 '])(
    'normalises %s to 〔〕', (raw) => {
      expect(parseDocNumber(raw, 2027)).toMatchObject({ text: '青教发〔2023〕12号' });
    });

  it.each([
    ['no brackets', '青教发2023年12号'],
    ['two-digit year', '青教发〔23〕12号'],
    ['leading zero (虚位)', '青教发〔2023〕012号'],
    ['第 before the serial', '青教发〔2023〕第12号'],
    ['no 号', '青教发〔2023〕12'],
    ['no organ abbreviation', '〔2023〕12号'],
    ['one character only', '发〔2023〕12号'],
    ['serial zero', '青教发〔2023〕0号'],
    ['digits in the abbreviation', '青1发〔2023〕12号'],
    ['markup', '<b>青教发</b>〔2023〕12号'],
    ['empty', ''],
  ])('refuses %s', (_name, raw) => {
    expect(parseDocNumber(raw, 2027)).toEqual({ problem: 'format' });
  });

  it('refuses impossible years', () => {
    expect(parseDocNumber('青教发〔1900〕1号', 2027)).toEqual({ problem: 'year' });
    expect(parseDocNumber('青教发〔2031〕1号', 2027)).toEqual({ problem: 'year' });
  });

  it('normalisation leaves a correct number alone', () => {
    expect(normaliseDocNumber('青教发〔2023〕12号')).toBe('青教发〔2023〕12号');
  });
});

describe('dates', () => {
  it('accepts real dates only', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2023-02-29')).toBe(false);
    expect(isRealDate('2023-13-01')).toBe(false);
    expect(isRealDate('2023-4-1')).toBe(false);
    expect(isRealDate('20230401')).toBe(false);
  });
});
