/**
 * 发文字号 (document number): `<机关代字><type character(s)>〔YYYY〕<serial>号`, e.g. 青教发〔2023〕12号.
 * GB/T 9704-2012 7.2.4: the year in full inside 六角括号 〔〕, the serial without leading zeros and without 第.
 *
 * Normalisation (what users type in a hurry is accepted when it is unambiguous): surrounding and inner
 * spaces are removed, full-width digits become ASCII, and the brackets [] () （） 【】 ［］ 〈〉 ﹝﹞ around the
 * year become 〔〕. Everything else that does not fit is a field error, not a guess.
 */
export interface ParsedDocNumber {
  /** The normalised number as stored and shown, e.g. 青教发〔2023〕12号. */
  text: string;
  /** 机关代字 with the type character(s), e.g. 青教发. */
  prefix: string;
  year: number;
  serial: number;
}

const BRACKETS_OPEN = /[[(（【［〈﹝〔]/g;
const BRACKETS_CLOSE = /[\])）】］〉﹞〕]/g;
const SHAPE = /^([\p{Script=Han}A-Za-z]{2,20})〔(\d{4})〕([1-9]\d{0,5})号$/u;

export function normaliseDocNumber(raw: string): string {
  return raw.replace(/[\s\u3000]+/g, '')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48))
    .replace(BRACKETS_OPEN, '〔').replace(BRACKETS_CLOSE, '〕');
}

export type DocNumberProblem = 'format' | 'year';

/** The parsed number, or why it is refused. `maxYear` is the current year + 1 (numbers are reserved ahead). */
export function parseDocNumber(raw: string, maxYear: number): ParsedDocNumber | { problem: DocNumberProblem } {
  const text = normaliseDocNumber(raw);
  const match = SHAPE.exec(text);
  if (!match) return { problem: 'format' };
  const year = Number(match[2]);
  if (year < 1949 || year > maxYear) return { problem: 'year' };
  return { text, prefix: match[1], year, serial: Number(match[3]) };
}
