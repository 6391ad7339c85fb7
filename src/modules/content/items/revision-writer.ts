import type { Kysely } from 'kysely';
import { newId } from '../../../core/ids.js';
import type { ContentDatabase } from '../content-schema.js';
import { htmlToText } from './sanitize-html.js';
import type { WorkingCopy } from './working-copy.js';

/** Appends one revision row: every save keeps the whole working copy, so any two can be compared later. */
export async function writeRevision(trx: Kysely<ContentDatabase>, itemId: string, revision: number, copy: WorkingCopy,
  author: { id: string; name: string }, note: string | null, at: string): Promise<void> {
  await trx.insertInto('content_revisions').values({
    id: newId(), item_id: itemId, revision, title: copy.title, summary: copy.summary, body_html: copy.body_html,
    fields_json: JSON.stringify({ item: copy.item, official: copy.official }), author_id: author.id, author_name: author.name,
    note, created_at: at,
  }).execute();
}

/** Writes a working copy into the item row (and its official-document row): the row becomes that revision. */
export async function applyCopyToItem(trx: Kysely<ContentDatabase>, itemId: string, revision: number, copy: WorkingCopy, at: string): Promise<void> {
  await trx.updateTable('content_items').set({
    ...copy.item, title: copy.title, summary: copy.summary, body_html: copy.body_html, body_text: htmlToText(copy.body_html),
    revision, updated_at: at,
  }).where('id', '=', itemId).execute();
  if (copy.official) {
    await trx.updateTable('content_official_documents').set(copy.official).where('item_id', '=', itemId).execute();
  }
}
