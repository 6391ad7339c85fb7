import type { Kysely } from 'kysely';
import { newId } from '../../../core/ids.js';
import type { CoreContext } from '../../../core/context.js';
import type { ContentDatabase, ContentItemsTable, ItemKind, ItemStatus, OwnerScopeType } from '../content-schema.js';
import { bumpContentVersion } from '../content-version.js';
import { allocateIndexNumber } from '../official/index-numbers.js';
import { indexItem } from '../search/search-index.js';
import { htmlToText, sanitizeBody } from './sanitize-html.js';
import { snapshotFields, type OfficialFields } from './item-snapshot.js';
import { shanghaiYear } from './shanghai-date.js';

/** A new item as callers describe it; the writer sanitises the body and derives the rest. */
export interface NewItem {
  id?: string;
  category_id: string;
  kind: ItemKind;
  title: string;
  subtitle?: string | null;
  summary?: string | null;
  /** Any HTML: it is sanitised here. */
  body_html: string;
  source: string;
  author?: string | null;
  keywords?: string;
  owner_scope_type: OwnerScopeType;
  owner_scope_id: string;
  owner_path: string;
  status?: ItemStatus;
  reviews_required?: number;
  publish_at?: string | null;
  published_at?: string | null;
  interpretation_of_id?: string | null;
  created_by: string;
  created_at: string;
  /** Note on revision 1 (e.g. "imported from x.docx"). */
  revision_note?: string | null;
}

export type NewOfficialFields = Pick<OfficialFields, 'doc_type' | 'issuing_organ' | 'organ_code' | 'topic'> & Partial<OfficialFields>;

/**
 * Inserts an item, its official-document row (when given) and revision 1, inside the caller's transaction.
 * Returns the item id. Publication (index number, search index, content version) is `publishInTransaction`.
 */
export async function insertItem(trx: Kysely<ContentDatabase>, row: NewItem, officialFields?: NewOfficialFields): Promise<string> {
  const id = row.id ?? newId();
  const bodyHtml = sanitizeBody(row.body_html);
  const item: ContentItemsTable = {
    id, category_id: row.category_id, kind: row.kind, title: row.title, subtitle: row.subtitle ?? null,
    summary: row.summary ?? null, body_html: bodyHtml, body_text: htmlToText(bodyHtml), source: row.source,
    author: row.author ?? null, keywords: row.keywords ?? '', owner_scope_type: row.owner_scope_type,
    owner_scope_id: row.owner_scope_id, owner_path: row.owner_path, status: row.status ?? 'draft',
    reviews_required: row.reviews_required ?? 0, reviews_passed: 0, signed_by: null, signed_by_name: null, signed_at: null,
    publish_at: row.publish_at ?? null, published_at: row.published_at ?? null, withdrawn_at: null, archived_at: null,
    revision: 1, view_count: 0, interpretation_of_id: row.interpretation_of_id ?? null, created_by: row.created_by,
    created_at: row.created_at, updated_at: row.created_at,
  };
  await trx.insertInto('content_items').values(item).execute();
  const official = officialFields ? completeOfficialFields(officialFields) : null;
  if (official) {
    await trx.insertInto('content_official_documents')
      .values({ item_id: id, ...official, index_number: null, index_year: null, index_serial: null }).execute();
  }
  const author = await trx.selectFrom('users').select('display_name').where('id', '=', row.created_by).executeTakeFirst();
  await trx.insertInto('content_revisions').values({
    id: newId(), item_id: id, revision: 1, title: item.title, summary: item.summary, body_html: bodyHtml,
    fields_json: JSON.stringify(snapshotFields(item, official)), author_id: row.created_by,
    author_name: author?.display_name ?? row.created_by, note: row.revision_note ?? null, created_at: row.created_at,
  }).execute();
  return id;
}

export function completeOfficialFields(f: NewOfficialFields): OfficialFields {
  return {
    doc_type: f.doc_type, issuing_organ: f.issuing_organ, organ_code: f.organ_code, topic: f.topic,
    doc_number: f.doc_number ?? null, doc_year: f.doc_year ?? null, signer: f.signer ?? null, addressees: f.addressees ?? '',
    cc: f.cc ?? '', written_date: f.written_date ?? null, printing_organ: f.printing_organ ?? null,
    printing_date: f.printing_date ?? null, validity: f.validity ?? 'valid', repealed_by_id: f.repealed_by_id ?? null,
    disclosure: f.disclosure ?? 'proactive', attachment_notes: f.attachment_notes ?? null,
  };
}

/**
 * Makes an item public inside the caller's transaction: status published, published_at = `now` (the server's
 * time; the demo generator passes its invented historical time), an index number (索引号) for an official
 * document on its first publication (organ code, year of `now` in China time, next gap-free serial), the
 * search index and the content version. The caller writes the workflow history and the audit entry.
 */
export async function publishInTransaction(trx: Kysely<ContentDatabase>, core: Pick<CoreContext, 'dialect'>, itemId: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await trx.updateTable('content_items')
    .set({ status: 'published', published_at: at, publish_at: null, withdrawn_at: null, updated_at: at })
    .where('id', '=', itemId).execute();
  await assignIndexNumberIfMissing(trx, itemId, now);
  await indexItem(trx, core.dialect, itemId);
  await bumpContentVersion(trx);
}

/** The first publication numbers the document; a withdrawn and republished one keeps its number. */
async function assignIndexNumberIfMissing(trx: Kysely<ContentDatabase>, itemId: string, now: Date): Promise<void> {
  const official = await trx.selectFrom('content_official_documents').select(['organ_code', 'index_number'])
    .where('item_id', '=', itemId).executeTakeFirst();
  if (!official || official.index_number) return;
  const allocated = await allocateIndexNumber(trx, official.organ_code, shanghaiYear(now));
  await trx.updateTable('content_official_documents')
    .set({ index_number: allocated.indexNumber, index_year: allocated.year, index_serial: allocated.serial })
    .where('item_id', '=', itemId).execute();
}
