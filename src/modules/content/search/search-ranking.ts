import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { CoreContext } from '../../../core/context.js';
import { startsWith } from '../../../core/db/text-match.js';
import type { QueryTerm } from './segmenter.js';
import { ftsExpression, tsqueryExpression } from './search-expression.js';
import { searchDb } from './search-schema.js';

/**
 * Which indexed entries match, in which order. Plain bm25 over every match costs time in proportion to the
 * number of matches (bm25 first counts, for every term, all documents that contain it), and a very common
 * word matches tens of thousands of documents. So each tier is found in two steps:
 *   - a probe takes the newest matches in index order, at most CAP of them ("ORDER BY rowid DESC LIMIT"
 *     lets FTS5 stop early; doc_key grows with publication time), with no ranking function at all;
 *   - if the probe found fewer than CAP, the match set is small and bm25 ranks it (cheap for small sets);
 *     if it found CAP, the query is a common one and the tier stays newest-first (among thousands of
 *     documents that all contain 工作, recency says more than term counts).
 * Tier 1: entries whose title contains every term (the small title-only index): title bm25, then newest.
 * Tier 2: the other matches: bm25 with the title weighted TITLE_WEIGHT times, then newest.
 */
export const TITLE_CANDIDATES = 200;
export const BODY_CANDIDATES = 500;
/** bm25 weights of the body index's columns: a term in the title counts this many times a term in the body. */
const TITLE_WEIGHT = 4;

export interface SearchFilters {
  /** A category id: the category and its subcategories. */
  categoryPath?: string;
  kind?: 'article' | 'official_document' | 'job';
  docType?: string;
  organ?: string;
  year?: number;
  validity?: string;
}

export interface RankedKeys {
  keys: number[];
  titleKeys: Set<number>;
  /** Exact when not capped; otherwise the number of candidates kept (there are more matches). */
  total: number;
  totalCapped: boolean;
}
function filterConditions(f: SearchFilters, today: string): RawBuilder<SqlBool>[] {
  const d = (c: string) => sql.ref(`d.${c}`);
  const out: RawBuilder<SqlBool>[] = [sql<SqlBool>`(${d('valid_until')} is null or ${d('valid_until')} >= ${today})`];
  if (f.categoryPath) out.push(startsWith(d('category_path'), f.categoryPath));
  if (f.kind) out.push(sql<SqlBool>`${d('kind')} = ${f.kind}`);
  if (f.docType) out.push(sql<SqlBool>`${d('doc_type')} = ${f.docType}`);
  if (f.organ) out.push(sql<SqlBool>`${d('organ')} = ${f.organ}`);
  if (f.year) out.push(sql<SqlBool>`${d('year')} = ${f.year}`);
  if (f.validity) out.push(sql<SqlBool>`${d('validity')} = ${f.validity}`);
  return out;
}

interface Scored { k: number; s: number }

/** Higher score first, then newer. */
function byScore(a: Scored, b: Scored) {
  return b.s - a.s || b.k - a.k;
}

type Tier = 'title' | 'body';

/** Newest matches first, at most `limit`, no ranking function evaluated. */
async function probe(core: Pick<CoreContext, 'db' | 'dialect'>, tier: Tier, terms: QueryTerm[], where: RawBuilder<unknown>, limit: number): Promise<number[]> {
  const db = searchDb(core);
  let rows: { k: number }[];
  if (core.dialect === 'sqlite') {
    const match = ftsExpression(terms);
    rows = tier === 'title'
      ? (await sql<{ k: number }>`select f.rowid as k from content_search_title_fts f join content_search_docs d on d.doc_key = f.rowid
          where content_search_title_fts match ${match} and ${where} order by f.rowid desc limit ${limit}`.execute(db)).rows
      : (await sql<{ k: number }>`select f.rowid as k from content_search_body_fts f join content_search_docs d on d.doc_key = f.rowid
          where content_search_body_fts match ${match} and ${where} order by f.rowid desc limit ${limit}`.execute(db)).rows;
  } else {
    const query = sql`${tsqueryExpression(terms)}::tsquery`;
    rows = tier === 'title'
      ? (await sql<{ k: number }>`select d.doc_key as k from content_search_docs d where d.title_tsv @@ ${query} and ${where} order by d.doc_key desc limit ${limit}`.execute(db)).rows
      : (await sql<{ k: number }>`select d.doc_key as k from content_search_docs d where d.doc_tsv @@ ${query} and ${where} order by d.doc_key desc limit ${limit}`.execute(db)).rows;
  }
  return rows.map((r) => Number(r.k));
}

/**
 * bm25 (SQLite) or ts_rank (PostgreSQL) of every match, for a tier whose probe found fewer than `limit`
 * (so this ranks all of them); higher is better on both.
 */
async function scores(core: Pick<CoreContext, 'db' | 'dialect'>, tier: Tier, terms: QueryTerm[], where: RawBuilder<unknown>, limit: number): Promise<Map<number, number>> {
  const db = searchDb(core);
  let rows: Scored[];
  if (core.dialect === 'sqlite') {
    const match = ftsExpression(terms);
    // bm25() is "lower is better"; negated so both databases sort the same way.
    rows = tier === 'title'
      ? (await sql<Scored>`select f.rowid as k, -bm25(content_search_title_fts) as s from content_search_title_fts f
          join content_search_docs d on d.doc_key = f.rowid
          where content_search_title_fts match ${match} and ${where} order by f.rowid desc limit ${limit}`.execute(db)).rows
      : (await sql<Scored>`select f.rowid as k, -bm25(content_search_body_fts, ${TITLE_WEIGHT}, 1.0) as s from content_search_body_fts f
          join content_search_docs d on d.doc_key = f.rowid
          where content_search_body_fts match ${match} and ${where} order by f.rowid desc limit ${limit}`.execute(db)).rows;
  } else {
    const query = sql`${tsqueryExpression(terms)}::tsquery`;
    rows = tier === 'title'
      ? (await sql<Scored>`select d.doc_key as k, ts_rank(d.title_tsv, ${query}) as s from content_search_docs d
          where d.title_tsv @@ ${query} and ${where} limit ${limit}`.execute(db)).rows
      : (await sql<Scored>`select d.doc_key as k, ts_rank(d.doc_tsv, ${query}) as s from content_search_docs d
          where d.doc_tsv @@ ${query} and ${where} limit ${limit}`.execute(db)).rows;
  }
  return new Map(rows.map((r) => [Number(r.k), Number(r.s)]));
}

async function rankTier(core: Pick<CoreContext, 'db' | 'dialect'>, tier: Tier, terms: QueryTerm[], where: RawBuilder<unknown>, limit: number) {
  const keys = await probe(core, tier, terms, where, limit);
  const capped = keys.length >= limit;
  const score = capped ? new Map<number, number>() : await scores(core, tier, terms, where, limit);
  const ranked = keys.map((k) => ({ k, s: score.get(k) ?? 0 })).sort(byScore);
  return { ranked, capped };
}

export async function rankMatches(core: Pick<CoreContext, 'db' | 'dialect'>, terms: QueryTerm[], filters: SearchFilters, today: string,
  limits = { title: TITLE_CANDIDATES, body: BODY_CANDIDATES }): Promise<RankedKeys> {
  const where = sql.join(filterConditions(filters, today), sql` and `);
  const title = await rankTier(core, 'title', terms, where, limits.title);
  const body = await rankTier(core, 'body', terms, where, limits.body);
  const titleKeys = new Set(title.ranked.map((r) => r.k));
  const keys = [...titleKeys, ...body.ranked.filter((r) => !titleKeys.has(r.k)).map((r) => r.k)];
  // Every title match is also a body match (the body index holds the title too).
  const capped = body.capped || title.capped;
  return { keys, titleKeys, total: capped ? keys.length : body.ranked.length, totalCapped: capped };
}
