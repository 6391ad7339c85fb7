import { UNBROKEN_HAN_UNIT } from '../../../../bench/hostile-texts.js';
import { describe, expect, it } from 'vitest';
import { buildSegmenter } from './segmenter.js';
import { BUILT_IN_WORDS } from './domain-words.js';
import { ftsExpression, tsqueryExpression, tsvectorLiteral } from './search-expression.js';
import { bigrams, textRuns } from './text-runs.js';

const seg = buildSegmenter(BUILT_IN_WORDS);

describe('search segmentation', () => {
  it('cuts text into Han runs and Latin/digit runs, NFKC and lowercased', () => {
    expect(textRuns('青教发〔２０２３〕12号 WiFi和APP')).toEqual([
      { han: true, text: '青教发' }, { han: false, text: '2023' }, { han: false, text: '12' }, { han: true, text: '号' },
      { han: false, text: 'wifi' }, { han: true, text: '和' }, { han: false, text: 'app' },
    ]);
    expect(bigrams('社区教育')).toEqual(['社区', '区教', '教育']);
    expect(bigrams('镇')).toEqual(['镇']);
  });

  it('indexes domain words whole, with their bigrams, and no stop characters', () => {
    const tokens = seg.indexTokens('柳泉镇老年大学的社区教育');
    expect(tokens).toEqual(expect.arrayContaining(['柳泉镇', '老年大学', '社区教育', '社区', '区教', '教育', '老年', '大学']));
    expect(tokens).not.toContain('的');
  });

  it('knows the built-in domain words (jieba alone cuts them apart)', () => {
    for (const w of ['社区教育', '终身学习', '老年大学', '市民学校', '学分银行', '柳泉镇', '青教发']) expect(seg.knowsWord(w), w).toBe(true);
    expect(buildSegmenter([]).knowsWord('社区教育')).toBe(false);
  });

  it('turns queries into terms: words, two-character words, unknown names, Latin, years, document numbers', () => {
    expect(seg.queryTerms('社区教育')).toEqual([{ kind: 'word', word: '社区教育', grams: ['社区', '区教', '教育'], text: '社区教育' }]);
    expect(seg.queryTerms('教育')).toEqual([{ kind: 'token', token: '教育', text: '教育' }]);
    expect(seg.queryTerms('2023 意见').map((t) => t.text)).toEqual(['2023', '意见']);
    expect(seg.queryTerms('老年大学的招生').map((t) => t.text)).toEqual(['老年大学', '招生']);
    expect(seg.queryTerms('WiFi')).toEqual([{ kind: 'token', token: 'wifi', text: 'wifi' }]);
    const number = seg.queryTerms('青教发〔2023〕12号');
    expect(number).toEqual([{ kind: 'phrase', tokens: ['青教', '教发', '2023', '12', '号'], prefixLast: true, text: '青教发〔2023〕12号', parts: ['青教发', '2023', '12', '号'] }]);
    expect(ftsExpression(number)).toBe('"青教 教发 2023 12 号" *');
    expect(tsqueryExpression(number)).toBe("('青教' <-> '教发' <-> '2023' <-> '12' <-> '号':*)");
    expect(ftsExpression(seg.queryTerms('社区教育 2023'))).toBe('("社区教育" OR "社区 区教 教育") AND "2023"');
    expect(seg.queryTerms('的 了 和')).toEqual([]);
  });

  it('quotes every token, so nothing typed is read as an FTS operator', () => {
    const expr = ftsExpression(seg.queryTerms('NEAR OR AND " * ( ) -教育'));
    expect(expr).toBe('"near" AND "or" AND "and" AND "教育"');
    expect(tsvectorLiteral([{ tokens: ["o'neil", '教育', '教育'], weight: 'A' }])).toBe("'o''neil':1A '教育':2A,3A");
  });

  // Growth with the input is measured by bench/linear-growth-bench.ts; a quadratic segmenter would trip the timeout here.
  it('segments 320,000 characters of unbroken text (no Intl.Segmenter)', () => {
    expect(seg.indexTokens(UNBROKEN_HAN_UNIT.repeat(20_000)).length).toBeGreaterThan(100_000);
  });
});
