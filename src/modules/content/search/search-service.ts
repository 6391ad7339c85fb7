import type { CoreContext } from '../../../core/context.js';
import { AppError } from '../../../core/http/errors.js';
import { contentDb } from '../content-schema.js';
import { querySegmenter } from './search-dictionary.js';
import { highlightTexts } from './search-expression.js';
import { rankMatches, type SearchFilters } from './search-ranking.js';
import { searchDb } from './search-schema.js';
import { shanghaiDate } from '../items/shanghai-date.js';
import { highlight, snippet } from './snippet.js';

/** The search used by the page and by GET /api/v1/search: the same request gives the same answer. */
export const MAX_QUERY_LENGTH = 100;
export const SEARCH_PAGE_SIZE = 10;

export interface SearchRequest {
  q: string;
  page: number;
  /** A category id (its subcategories included). */
  category?: string;
  kind?: 'article' | 'official_document' | 'job';
  /** An official-document type id (opinion, notice, …). */
  type?: string;
  organ?: string;
  year?: number;
  validity?: string;
}

export interface SearchHit {
  id: string;
  kind: 'article' | 'official_document' | 'job';
  url: string;
  title: string;
  /** The title escaped, with the query's words in <mark>. */
  titleHtml: string;
  /** A piece of the text around the matches, escaped, with <mark>. */
  snippetHtml: string;
  publishedAt: string;
  /** Whether the title contains every term (the first tier of the ranking). */
  titleMatch: boolean;
  category: { id: string; nameZh: string; nameEn: string } | null;
  docType: string | null;
  docNumber: string | null;
  organ: string | null;
  validity: string | null;
  employer: string | null;
}

export interface SearchResult {
  q: string;
  /** The words the query was cut into (what the engine looked for). */
  terms: string[];
  items: SearchHit[];
  total: number;
  /** True when there are more matches than `total` counts. */
  totalCapped: boolean;
  page: number;
  pageSize: number;
  /** Pages that can be opened (the ranking keeps a bounded number of candidates). */
  pageCount: number;
}

export async function search(core: Pick<CoreContext, 'db' | 'dialect' | 'clock'>, request: SearchRequest): Promise<SearchResult> {
  const q = request.q.trim();
  if (q.length > MAX_QUERY_LENGTH) throw new AppError(400, 'content.search.query_too_long', { max: MAX_QUERY_LENGTH });
  const empty = { q, terms: [], items: [], total: 0, totalCapped: false, page: request.page, pageSize: SEARCH_PAGE_SIZE, pageCount: 0 };
  if (!q) return empty;
  const segmenter = await querySegmenter(core);
  const terms = segmenter.queryTerms(q);
  if (terms.length === 0) return empty;
  const filters = await resolveFilters(core, request);
  if (!filters) return { ...empty, terms: terms.map((t) => t.text) };
  // Job postings are listed through their last day, in China time.
  const ranked = await rankMatches(core, terms, filters, shanghaiDate(core.clock.now()));
  const pageCount = Math.ceil(Math.min(ranked.total, ranked.keys.length) / SEARCH_PAGE_SIZE);
  const keys = ranked.keys.slice((request.page - 1) * SEARCH_PAGE_SIZE, request.page * SEARCH_PAGE_SIZE);
  const items = await hydrate(core, keys, ranked.titleKeys, highlightTexts(terms));
  return { q, terms: terms.map((t) => t.text), items, total: ranked.total, totalCapped: ranked.totalCapped, page: request.page, pageSize: SEARCH_PAGE_SIZE, pageCount };
}

/** null when the category does not exist (nothing can match). */
async function resolveFilters(core: Pick<CoreContext, 'db'>, r: SearchRequest): Promise<SearchFilters | null> {
  let categoryPath: string | undefined;
  if (r.category) {
    const c = await contentDb(core).selectFrom('content_categories').select('path').where('id', '=', r.category).executeTakeFirst();
    if (!c) return null;
    categoryPath = c.path;
  }
  return { categoryPath, kind: r.kind, docType: r.type, organ: r.organ, year: r.year, validity: r.validity };
}

/** The rows behind the keys, re-checked (published only), in the ranked order. */
async function hydrate(core: Pick<CoreContext, 'db'>, keys: number[], titleKeys: Set<number>, needles: string[]): Promise<SearchHit[]> {
  if (keys.length === 0) return [];
  const docs = await searchDb(core).selectFrom('content_search_docs').select(['doc_key', 'entity_type', 'entity_id']).where('doc_key', 'in', keys).execute();
  const itemIds = docs.filter((d) => d.entity_type === 'item').map((d) => d.entity_id);
  const jobIds = docs.filter((d) => d.entity_type === 'job').map((d) => d.entity_id);
  const db = contentDb(core);
  const items = itemIds.length === 0 ? [] : await db.selectFrom('content_items as i')
    .innerJoin('content_categories as c', 'c.id', 'i.category_id')
    .leftJoin('content_official_documents as o', 'o.item_id', 'i.id')
    .select(['i.id', 'i.kind', 'i.status', 'i.title', 'i.summary', 'i.body_text', 'i.published_at', 'c.id as category_id', 'c.name_zh', 'c.name_en',
      'o.doc_type', 'o.doc_number', 'o.issuing_organ', 'o.validity'])
    .where('i.id', 'in', itemIds).execute();
  const jobs = jobIds.length === 0 ? [] : await db.selectFrom('content_jobs')
    .select(['id', 'status', 'position', 'employer_name', 'requirements_text', 'published_at'])
    .where('id', 'in', jobIds).execute();
  // The status is checked here, not in SQL: a status condition can lead the planner to scan the status index
  // (every published item) instead of looking the ten ids up.
  const hits = new Map<string, SearchHit>();
  for (const i of items) {
    if (i.status !== 'published') continue;
    hits.set(`item:${i.id}`, {
      id: i.id, kind: i.kind, url: `/a/${i.id}`, title: i.title, titleHtml: highlight(i.title, needles),
      snippetHtml: snippet(i.body_text || i.summary || '', needles), publishedAt: new Date(i.published_at!).toISOString(), titleMatch: false,
      category: { id: i.category_id, nameZh: i.name_zh, nameEn: i.name_en }, docType: i.doc_type ?? null, docNumber: i.doc_number ?? null,
      organ: i.issuing_organ ?? null, validity: i.validity ?? null, employer: null,
    });
  }
  for (const j of jobs) {
    if (j.status !== 'published') continue;
    const title = `${j.position} — ${j.employer_name}`;
    hits.set(`job:${j.id}`, {
      id: j.id, kind: 'job', url: `/jobs/${j.id}`, title, titleHtml: highlight(title, needles), snippetHtml: snippet(j.requirements_text, needles),
      publishedAt: new Date(j.published_at!).toISOString(), titleMatch: false, category: null, docType: null, docNumber: null, organ: null,
      validity: null, employer: j.employer_name,
    });
  }
  const byKey = new Map(docs.map((d) => [Number(d.doc_key), `${d.entity_type}:${d.entity_id}`]));
  return keys.flatMap((k) => {
    const hit = hits.get(byKey.get(k) ?? '');
    return hit ? [{ ...hit, titleMatch: titleKeys.has(k) }] : [];
  });
}
