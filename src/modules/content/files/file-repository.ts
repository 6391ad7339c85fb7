import type { Kysely } from 'kysely';
import type { ContentDatabase, ContentFilesTable } from '../content-schema.js';

export async function findFile(db: Kysely<ContentDatabase>, id: string): Promise<ContentFilesTable | undefined> {
  return db.selectFrom('content_files').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * A file the public may download: an attachment or an inline image of a published item. The original Word
 * file of an import is the editors' record and stays with staff.
 */
export async function isPublicFile(db: Kysely<ContentDatabase>, fileId: string): Promise<boolean> {
  const row = await db.selectFrom('content_attachments as a').innerJoin('content_items as i', 'i.id', 'a.item_id')
    .select('a.id').where('a.file_id', '=', fileId).where('a.role', 'in', ['attachment', 'image'])
    .where('i.status', '=', 'published').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Is any attachment row still pointing at the file? (A file is deleted with its last attachment.) */
export async function fileInUse(db: Kysely<ContentDatabase>, fileId: string): Promise<boolean> {
  return (await db.selectFrom('content_attachments').select('id').where('file_id', '=', fileId).limit(1).executeTakeFirst()) !== undefined;
}
