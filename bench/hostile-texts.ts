/**
 * Inputs built to make regular expressions backtrack or string building go quadratic in the official-document
 * importer: long runs of openers, repeated markers, one unbroken paragraph, many short menu lines.
 * The importer's tests run them at 200,000 characters; bench/linear-growth-bench.ts measures how the work grows.
 */
export const HOSTILE_TEXTS: readonly string[] = [
  '（'.repeat(100_000) + '〔2023', '（一）'.repeat(60_000), '【'.repeat(100_000), '关于'.repeat(50_000) + '的',
  '2023年'.repeat(40_000), '附件：'.repeat(60_000), ' > '.repeat(60_000), '<'.repeat(200_000),
  Array.from({ length: 10_000 }, () => '社区教育工作要坚持以人为本服务居民学习需求').join('\n'),
  Array.from({ length: 20_000 }, (_, i) => `• 菜单${i % 100}`).join('\n'),
];

/** A sentence-free run of search-domain words: what once sent Intl.Segmenter quadratic. */
export const UNBROKEN_HAN_UNIT = '社区教育终身学习老年大学市民学校';
