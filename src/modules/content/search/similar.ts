import { sql } from 'kysely';
import type { CoreContext } from '../../../core/context.js';
import { contentDb } from '../content-schema.js';
import { querySegmenter } from './search-dictionary.js';
import { ftsExpression, tsqueryExpression } from './search-expression.js';
import type { QueryTerm } from './segmenter.js';
import { searchDb } from './search-schema.js';

/**
 * Recommended reading (推荐阅读) by content similarity: the item's most characteristic words (TF-IDF over
 * its title, counted three times, and body) become an OR query over the index; the published items that
 * share the most of them, weighted by bm25, come first. The item itself and job postings are left out.
 * Like the search, the ranking looks at the newest CANDIDATES matches only, so it stays fast on a large corpus.
 */
const KEYWORDS = 8;
const CANDIDATES = 1000;

export interface SimilarItem { id: string; title: string; publishedAt: string; url: string }

export async function similarItems(core: Pick<CoreContext, 'db' | 'dialect'>, itemId: string, limit: number): Promise<SimilarItem[]> {
  const item = await contentDb(core).selectFrom('content_items').select(['title', 'body_text']).where('id', '=', itemId).executeTakeFirst();
  if (!item) return [];
  const segmenter = await querySegmenter(core);
  const words = segmenter.keywords(`${item.title}\n${item.title}\n${item.title}\n${item.body_text.slice(0, 20_000)}`, KEYWORDS);
  const terms = words.flatMap((w): QueryTerm[] => segmenter.queryTerms(w).slice(0, 1));
  if (terms.length === 0) return [];
  const db = searchDb(core);
  const rows = core.dialect === 'sqlite'
    ? (await sql<{ entity_id: string; s: number }>`select d.entity_id, -bm25(content_search_body_fts, 4.0, 1.0) as s
        from content_search_body_fts f join content_search_docs d on d.doc_key = f.rowid
        where content_search_body_fts match ${ftsExpression(terms, 'OR')} and d.entity_type = 'item' and d.entity_id <> ${itemId}
        order by f.rowid desc limit ${CANDIDATES}`.execute(db)).rows
    : (await sql<{ entity_id: string; s: number }>`select x.entity_id, ts_rank(x.doc_tsv, ${tsqueryExpression(terms, 'OR')}::tsquery) as s from (
        select d.entity_id, d.doc_tsv, d.doc_key from content_search_docs d
        where d.doc_tsv @@ ${tsqueryExpression(terms, 'OR')}::tsquery and d.entity_type = 'item' and d.entity_id <> ${itemId}
        order by d.doc_key desc limit ${CANDIDATES}) x`.execute(db)).rows;
  const best = rows.map((r) => ({ id: r.entity_id, s: Number(r.s) })).sort((a, b) => b.s - a.s).slice(0, limit).map((r) => r.id);
  if (best.length === 0) return [];
  const found = await contentDb(core).selectFrom('content_items').select(['id', 'status', 'title', 'published_at'])
    .where('id', 'in', best).execute();
  const byId = new Map(found.filter((f) => f.status === 'published').map((f) => [f.id, f]));
  return best.flatMap((id) => {
    const f = byId.get(id);
    return f ? [{ id, title: f.title, publishedAt: new Date(f.published_at!).toISOString(), url: `/a/${id}` }] : [];
  });
}
