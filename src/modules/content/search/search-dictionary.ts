import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CoreContext } from '../../../core/context.js';
import type { RequestContext } from '../../../core/access/actor.js';
import { appendAudit } from '../../../core/audit/audit-log.js';
import { AppError, conflict, invalidField, notFound } from '../../../core/http/errors.js';
import type { Database } from '../../../core/db/schema.js';
import { BUILT_IN_WORDS } from './domain-words.js';
import { buildSegmenter, type Segmenter } from './segmenter.js';
import { searchDb, type SearchDatabase } from './search-schema.js';

/**
 * The search dictionary: built-in domain words plus the words admins add (content_search_words). Every
 * change writes a new random version token; each process compares the token (the search path at most
 * every RECHECK_MS, indexing on every call) and swaps in a segmenter built with the new word list, so no
 * restart is needed. Old documents stay findable through their bigrams until `reindexAll` re-cuts them.
 */
export const RECHECK_MS = 2000;
const MAX_BUILT = 3;

/** Segmenters by word list (LRU): test processes open many databases with the same words. */
const byWords = new Map<string, Segmenter>();
/** Segmenters by version token (tokens are random, so one never names two word lists). */
const byVersion = new Map<string, Segmenter>();
const lastCheck = new WeakMap<object, { version: string; at: number }>();

export interface DictionaryWord { word: string; builtIn: boolean; createdAt: string | null }

export async function dictionaryVersion(db: Kysely<SearchDatabase>): Promise<string> {
  const row = await db.selectFrom('content_search_state').select('dictionary_version').where('id', '=', 1).executeTakeFirstOrThrow();
  return row.dictionary_version;
}

async function adminWords(db: Kysely<SearchDatabase>): Promise<string[]> {
  return (await db.selectFrom('content_search_words').select('word').orderBy('word').execute()).map((r) => r.word);
}

function segmenterForWords(words: string[]): Segmenter {
  const key = words.join('\n');
  let s = byWords.get(key);
  if (s) byWords.delete(key);
  else s = buildSegmenter([...BUILT_IN_WORDS, ...words]);
  byWords.set(key, s);
  while (byWords.size > MAX_BUILT) byWords.delete(byWords.keys().next().value!);
  return s;
}

async function segmenterAt(db: Kysely<SearchDatabase>, version: string): Promise<Segmenter> {
  const known = byVersion.get(version);
  if (known) return known;
  const s = segmenterForWords(await adminWords(db));
  byVersion.set(version, s);
  if (byVersion.size > 64) byVersion.delete(byVersion.keys().next().value!);
  return s;
}

/** The segmenter for this database's dictionary, read inside the caller's transaction (indexing). */
export async function segmenterIn(db: Kysely<SearchDatabase>): Promise<Segmenter> {
  return segmenterAt(db, await dictionaryVersion(db));
}

/** The segmenter for queries: the version is re-read at most every RECHECK_MS per database. */
export async function querySegmenter(core: Pick<CoreContext, 'db'>): Promise<Segmenter> {
  const db = searchDb(core);
  const now = Date.now();
  const seen = lastCheck.get(core.db);
  if (seen && now - seen.at < RECHECK_MS) {
    const s = byVersion.get(seen.version);
    if (s) return s;
  }
  const version = await dictionaryVersion(db);
  lastCheck.set(core.db, { version, at: now });
  return segmenterAt(db, version);
}

export async function listDictionary(core: Pick<CoreContext, 'db'>): Promise<DictionaryWord[]> {
  const rows = await searchDb(core).selectFrom('content_search_words').select(['word', 'created_at']).orderBy('word').execute();
  return [
    ...BUILT_IN_WORDS.map((word) => ({ word, builtIn: true, createdAt: null })),
    ...rows.map((r) => ({ word: r.word, builtIn: false, createdAt: r.created_at })),
  ];
}

const WORD = /^[\p{Script=Han}\p{L}\p{N}]{2,20}$/u;

/** The word as stored: NFKC, letters lowercased (the index lowercases too). */
export function normalizeWord(word: string): string {
  return word.trim().normalize('NFKC').toLowerCase();
}

export async function addDictionaryWord(core: CoreContext, ctx: RequestContext, input: string): Promise<DictionaryWord> {
  const word = normalizeWord(input);
  if (!WORD.test(word)) throw invalidField('word', 'content.search.word_invalid');
  if (BUILT_IN_WORDS.includes(word)) throw conflict('content.search.word_exists');
  const now = core.clock.now();
  await core.db.transaction().execute(async (trx) => {
    const db = trx as unknown as Kysely<SearchDatabase>;
    const existing = await db.selectFrom('content_search_words').select('word').where('word', '=', word).executeTakeFirst();
    if (existing) throw conflict('content.search.word_exists');
    await db.insertInto('content_search_words').values({ word, created_by: ctx.actor?.userId ?? null, created_at: now.toISOString() }).execute();
    await db.updateTable('content_search_state').set({ dictionary_version: crypto.randomUUID() }).where('id', '=', 1).execute();
    await appendAudit(trx as unknown as Kysely<Database>, ctx, { action: 'content.dictionary.add', targetType: 'search_word', targetId: word, after: { word } }, now);
  });
  lastCheck.delete(core.db);
  return { word, builtIn: false, createdAt: now.toISOString() };
}

export async function removeDictionaryWord(core: CoreContext, ctx: RequestContext, input: string): Promise<void> {
  const word = normalizeWord(input);
  if (BUILT_IN_WORDS.includes(word)) throw new AppError(409, 'content.search.word_built_in');
  const now = core.clock.now();
  await core.db.transaction().execute(async (trx) => {
    const db = trx as unknown as Kysely<SearchDatabase>;
    const deleted = await db.deleteFrom('content_search_words').where('word', '=', word).executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) throw notFound('content.search.word_not_found');
    await db.updateTable('content_search_state').set({ dictionary_version: crypto.randomUUID() }).where('id', '=', 1).execute();
    await appendAudit(trx as unknown as Kysely<Database>, ctx, { action: 'content.dictionary.remove', targetType: 'search_word', targetId: word, before: { word } }, now);
  });
  lastCheck.delete(core.db);
}
