import type { Kysely } from 'kysely';
import { newId } from '../../../core/ids.js';
import type { ContentAttachmentsTable, ContentDatabase } from '../content-schema.js';

/** Links a stored file to an item, after the item's other attachments; inside the caller's transaction. */
export async function attachFile(trx: Kysely<ContentDatabase>, link: Pick<ContentAttachmentsTable, 'item_id' | 'file_id' | 'role' | 'title'>)
  : Promise<ContentAttachmentsTable> {
  const last = await trx.selectFrom('content_attachments').select((eb) => eb.fn.max('sort').as('sort'))
    .where('item_id', '=', link.item_id).executeTakeFirst();
  const row: ContentAttachmentsTable = { id: newId(), ...link, title: link.title.slice(0, 200), sort: Number(last?.sort ?? 0) + 1 };
  await trx.insertInto('content_attachments').values(row).execute();
  return row;
}
