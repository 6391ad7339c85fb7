/**
 * Text cut into runs the search index treats differently: Han characters (segmented by jieba and indexed
 * as character bigrams too) and everything else that is a letter or digit (Latin words, numbers), lowercased.
 * Punctuation and spaces only separate runs. NFKC first, so full-width digits and letters match ASCII ones.
 */
export interface TextRun { han: boolean; text: string }

const RUN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu;

/** At most this much text of one field is indexed (a body is normally a few thousand characters). */
export const MAX_INDEXED_CHARS = 100_000;

export function normalizeText(text: string): string {
  return text.slice(0, MAX_INDEXED_CHARS).normalize('NFKC').toLowerCase();
}

export function textRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  for (const m of normalizeText(text).matchAll(RUN)) runs.push(m[1] ? { han: true, text: m[1] } : { han: false, text: m[2] });
  return runs;
}

/** Overlapping character pairs of a Han run; a one-character run is itself. */
export function bigrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

export function isHan(text: string): boolean {
  return /^\p{Script=Han}+$/u.test(text);
}
