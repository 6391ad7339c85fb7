import { createRequire } from 'node:module';
import { Jieba, TfIdf } from '@node-rs/jieba';
import { bigrams, isHan, textRuns } from './text-runs.js';

const require = createRequire(import.meta.url);
const { dict: GENERAL_DICTIONARY, idf: GENERAL_IDF } = require('@node-rs/jieba/dict.js') as { dict: Uint8Array; idf: Uint8Array };

let tfIdf: TfIdf | null = null;
/** jieba's keyword extractor with its general-Chinese IDF table, built on first use. */
function keywordExtractor(): TfIdf {
  return (tfIdf ??= TfIdf.withDict(GENERAL_IDF));
}

/** Frequent function characters that say nothing on their own: never index terms, never query terms. */
const STOP_CHARS = new Set(Array.from('的了和与及或在是等之其为对将把被也就都而并以于中上下个这那有'));

/** A jieba frequency high enough that a dictionary word wins over the general dictionary's cuts. */
const DOMAIN_WORD_FREQUENCY = 50_000;

/**
 * One query term and how it matches. Every Han term is matched through character bigrams (so a word the
 * dictionary lacks, or lacked when a document was indexed, is still found); a term the dictionary knows
 * also matches its word token, which ranks documents that use it as a word higher.
 */
export type QueryTerm =
  | { kind: 'token'; token: string; text: string }
  | { kind: 'word'; word: string; grams: string[]; text: string }
  | { kind: 'grams'; grams: string[]; text: string }
  /** Adjacent tokens in order (a document number such as 青教发〔2023〕12号); `prefixLast` when it ends in one Han character. */
  | { kind: 'phrase'; tokens: string[]; prefixLast: boolean; text: string; parts: string[] };

/** Query terms beyond this many are ignored (a pasted paragraph is not a query). */
export const MAX_QUERY_TERMS = 12;

const DOC_NUMBER_LIKE = /[〔〕［］\[\]（）()]/u;

/**
 * Segmentation for the index and for queries, the same way on both sides: jieba (general dictionary plus
 * the domain dictionary) for Han runs, plus the runs' character bigrams; letters and digits as they are.
 * jieba is a Rust DAG/HMM segmenter that runs in linear time, so long unbroken text costs nothing special
 * (Intl.Segmenter slows down badly on it and is not used here).
 */
export class Segmenter {
  constructor(private readonly jieba: Jieba) {}

  /**
   * Tokens of one field, space-separated, for FTS5 (unicode61 splits on the spaces) and the tsvector:
   * first the words jieba finds that are not bigrams (1 character, or 3 and more), then the stream of
   * bigrams and Latin/digit tokens in text order, so phrase queries over bigrams work.
   */
  indexTokens(text: string): string[] {
    const words: string[] = [];
    const stream: string[] = [];
    for (const run of textRuns(text)) {
      if (!run.han) { stream.push(run.text); continue; }
      for (const w of this.jieba.cutForSearch(run.text, true)) {
        const len = Array.from(w).length;
        if ((len === 1 && !STOP_CHARS.has(w)) || (len >= 3 && isHan(w))) words.push(w);
      }
      stream.push(...bigrams(run.text));
    }
    return words.concat(stream);
  }

  /** True when the dictionary has this exact word (jieba without HMM keeps it whole). */
  knowsWord(word: string): boolean {
    const cut = this.jieba.cut(word, false);
    return cut.length === 1 && cut[0] === word;
  }

  /** The text's top words by TF-IDF (jieba's general IDF), Han words of 2+ characters: what a document is about. */
  keywords(text: string, count: number): string[] {
    return keywordExtractor().extractKeywords(this.jieba, text.normalize('NFKC'), count * 3)
      .map((k) => k.keyword).filter((w) => isHan(w) && Array.from(w).length >= 2).slice(0, count);
  }

  /**
   * The query's terms, all of which a result must contain. Spaces separate groups; a group that mixes Han
   * and digits with brackets is a document number and must match as a phrase; otherwise each run is cut
   * by jieba without HMM, and consecutive single characters (a name the dictionary lacks) are joined again.
   */
  queryTerms(query: string): QueryTerm[] {
    const terms: QueryTerm[] = [];
    for (const group of query.split(/\s+/u).filter(Boolean)) {
      const runs = textRuns(group);
      if (runs.length === 0) continue;
      const mixed = runs.some((r) => r.han) && runs.some((r) => !r.han);
      if (mixed && runs.length > 2 && DOC_NUMBER_LIKE.test(group)) {
        const tokens = runs.flatMap((r) => (r.han ? bigrams(r.text) : [r.text]));
        const last = runs[runs.length - 1];
        terms.push({ kind: 'phrase', tokens, prefixLast: last.han && Array.from(last.text).length === 1, text: group, parts: runs.map((r) => r.text) });
        continue;
      }
      for (const run of runs) {
        if (!run.han) { terms.push({ kind: 'token', token: run.text, text: run.text }); continue; }
        for (const chunk of this.joinSingles(this.jieba.cut(run.text, false))) {
          const len = Array.from(chunk.text).length;
          if (len === 1) {
            if (!STOP_CHARS.has(chunk.text)) terms.push({ kind: 'token', token: chunk.text, text: chunk.text });
          } else if (len === 2) {
            terms.push({ kind: 'token', token: chunk.text, text: chunk.text });
          } else if (chunk.word) {
            terms.push({ kind: 'word', word: chunk.text, grams: bigrams(chunk.text), text: chunk.text });
          } else {
            terms.push({ kind: 'grams', grams: bigrams(chunk.text), text: chunk.text });
          }
        }
      }
    }
    return dedupe(terms).slice(0, MAX_QUERY_TERMS);
  }

  /** Consecutive single characters (a name the dictionary lacks) become one unknown word; stop characters split. */
  private joinSingles(words: string[]): { text: string; word: boolean }[] {
    const out: { text: string; word: boolean }[] = [];
    let singles = '';
    const flush = () => {
      if (singles) out.push({ text: singles, word: false });
      singles = '';
    };
    for (const w of words) {
      if (Array.from(w).length > 1) { flush(); out.push({ text: w, word: true }); continue; }
      if (STOP_CHARS.has(w)) flush();
      else singles += w;
    }
    flush();
    return out;
  }
}

function dedupe(terms: QueryTerm[]): QueryTerm[] {
  const seen = new Set<string>();
  return terms.filter((t) => (seen.has(t.kind + t.text) ? false : (seen.add(t.kind + t.text), true)));
}

/** A segmenter with jieba's general dictionary plus these words (building one takes about 0.2 s). */
export function buildSegmenter(words: readonly string[]): Segmenter {
  const jieba = Jieba.withDict(GENERAL_DICTIONARY);
  if (words.length > 0) jieba.loadDict(Buffer.from(words.map((w) => `${w} ${DOMAIN_WORD_FREQUENCY} n`).join('\n') + '\n'));
  return new Segmenter(jieba);
}
