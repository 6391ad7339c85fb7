import type { Kysely } from 'kysely';
import type { CoreContext } from '../../../core/context.js';
import { contentDb, type ContentDatabase } from '../content-schema.js';

/** Row types of the search tables (migrations/0002_search.ts). The FTS5 tables are reached with `sql` only. */
export interface ContentSearchDocsTable {
  /** Publication time in ms × 1024 + a tie-breaker: larger is newer, and it is the FTS rowid. */
  doc_key: number;
  entity_type: 'item' | 'job';
  entity_id: string;
  kind: 'article' | 'official_document' | 'job';
  category_id: string | null;
  category_path: string | null;
  doc_type: string | null;
  organ: string | null;
  year: number | null;
  validity: string | null;
  published_at: string;
  valid_until: string | null;
}

export interface ContentSearchWordsTable {
  word: string;
  created_by: string | null;
  created_at: string;
}

export interface ContentSearchStateTable {
  id: number;
  dictionary_version: string;
}

export interface SearchTables {
  content_search_docs: ContentSearchDocsTable;
  content_search_words: ContentSearchWordsTable;
  content_search_state: ContentSearchStateTable;
}

export type SearchDatabase = ContentDatabase & SearchTables;

export function searchDb(core: Pick<CoreContext, 'db'>): Kysely<SearchDatabase> {
  return contentDb(core) as unknown as Kysely<SearchDatabase>;
}

/** The same database seen with the search tables, for code handed a content transaction. */
export function asSearchDb(db: Kysely<ContentDatabase>): Kysely<SearchDatabase> {
  return db as unknown as Kysely<SearchDatabase>;
}
