import type { Kysely } from 'kysely';
import type { Actor, RequestContext } from '../../../../core/access/actor.js';
import type { CoreContext } from '../../../../core/context.js';
import type { Database } from '../../../../core/db/schema.js';
import { invalid } from '../../../../core/http/errors.js';
import { scopeNames } from '../../../../core/regions/region-repository.js';
import { contentDb } from '../../content-schema.js';
import { auditContent } from '../../content-audit.js';
import { findCategory } from '../../categories/category-repository.js';
import { applyItemInput } from '../../items/item-input.js';
import { insertItem } from '../../items/item-writer.js';
import { attachFile } from '../../files/attachment-writer.js';
import { fileStem } from '../../files/file-names.js';
import { withStoredFiles } from '../../files/file-store.js';
import type { DocxImage } from '../docx-import.js';
import type { ImportedDocument } from '../text-import.js';
import type { ImportWarning } from '../import-warnings.js';
import { importedItemInput, type ImportOptions } from '../import-input.js';

export interface ImportedContent {
  origin: 'text' | 'docx';
  doc: ImportedDocument;
  bodyHtml: string;
  /** Images referenced in bodyHtml as /files/<id>, stored here under those ids. */
  images: DocxImage[];
  /** The uploaded Word file, kept as the record (role 'original'). */
  original?: { bytes: Buffer; filename: string };
  warnings: ImportWarning[];
}

/**
 * 拟稿 from an import: one transaction that checks the input with the items rules (category, owner scope,
 * 公文 fields), inserts the draft through the items writer (revision 1), stores the original file and the
 * images under the draft's owner scope, attaches them, and writes the audit entry. If anything fails,
 * nothing stays: no rows, and no bytes on disk.
 */
export async function createImportedDraft(core: CoreContext, ctx: RequestContext & { actor: Actor }, content: ImportedContent,
  options: ImportOptions): Promise<{ itemId: string; warnings: ImportWarning[] }> {
  const now = core.clock.now();
  const at = now.toISOString();
  return withStoredFiles(core, (store) => contentDb(core).transaction().execute(async (trx) => {
    const category = await findCategory(trx, options.categoryId);
    if (!category) throw invalid([{ field: 'categoryId', code: 'not_found', messageId: 'content.item.category_not_found' }]);
    const { input, warnings } = await importedItemInput(trx, ctx.actor, now, category.item_kind, content.doc, content.bodyHtml, options);
    const { copy } = await applyItemInput(trx, core, ctx.actor, null, null, input);
    const owner = copy.item;
    const scopeName = (await scopeNames(trx as unknown as Kysely<Database>, [owner.owner_scope_id])).get(owner.owner_scope_id);
    const itemId = await insertItem(trx, {
      ...owner, kind: category.item_kind, title: copy.title, summary: copy.summary, body_html: copy.body_html,
      source: owner.source || scopeName || '', status: 'draft', created_by: ctx.actor.userId, created_at: at,
      revision_note: content.original ? `导入自 Word 文件 ${content.original.filename}` : '由纯文本导入',
    }, copy.official ?? undefined);

    const fileOf = (bytes: Buffer, originalName: string, id?: string) =>
      ({ id, bytes, originalName, ownerPath: owner.owner_path, userId: ctx.actor.userId });
    let originalFileId: string | null = null;
    if (content.original) {
      const file = await store(core, trx, fileOf(content.original.bytes, content.original.filename), ['document']);
      await attachFile(trx, { item_id: itemId, file_id: file.id, role: 'original', title: fileStem(file.original_name) });
      originalFileId = file.id;
    }
    for (const image of content.images) {
      const file = await store(core, trx, fileOf(image.bytes, image.name, image.id), ['image']);
      await attachFile(trx, { item_id: itemId, file_id: file.id, role: 'image', title: fileStem(file.original_name) });
    }
    const official = copy.official;
    await auditContent(trx, ctx, {
      action: 'content.item.import', targetType: 'content_item', targetId: itemId,
      after: {
        origin: content.origin, title: copy.title, categoryId: category.id, kind: category.item_kind, ownerPath: owner.owner_path,
        originalFileId, fileName: content.original?.filename ?? null, images: content.images.length,
        docNumber: official?.doc_number ?? null, writtenDate: official?.written_date ?? null, addressees: official?.addressees ?? null,
        droppedLines: content.doc.droppedLines,
      },
    }, now);
    return { itemId, warnings: [...content.warnings, ...warnings] };
  }));
}
