import type { Actor, RequestContext } from '../../../../core/access/actor.js';
import type { CoreContext } from '../../../../core/context.js';
import { AppError, notFound } from '../../../../core/http/errors.js';
import { contentDb, type ContentFilesTable } from '../../content-schema.js';
import { auditContent } from '../../content-audit.js';
import { loadVisibleItem } from '../../items/item-loader.js';
import { assertAttachmentsEditable } from '../attachment-policy.js';
import { fileInUse, findFile } from '../file-repository.js';
import { discardFileBytes } from '../file-store.js';

/**
 * Detaches a file from a draft (or withdrawn) item. The file row and its bytes go too when nothing else
 * uses them; the audit entry keeps the name, size and hash. The original of an import cannot be removed.
 */
export async function removeAttachment(core: CoreContext, ctx: RequestContext & { actor: Actor }, itemId: string, attachmentId: string): Promise<void> {
  const now = core.clock.now();
  const orphaned: ContentFilesTable[] = [];
  await contentDb(core).transaction().execute(async (trx) => {
    const loaded = await loadVisibleItem(trx, ctx.actor, itemId, true);
    const attachment = await trx.selectFrom('content_attachments').selectAll()
      .where('id', '=', attachmentId).where('item_id', '=', itemId).executeTakeFirst();
    if (!attachment) throw notFound('content.attachment.not_found');
    assertAttachmentsEditable(ctx.actor, loaded);
    if (attachment.role === 'original') throw new AppError(409, 'content.attachment.original_kept');
    await trx.deleteFrom('content_attachments').where('id', '=', attachment.id).execute();
    const file = await findFile(trx, attachment.file_id);
    if (file && !(await fileInUse(trx, file.id))) {
      await trx.deleteFrom('content_files').where('id', '=', file.id).execute();
      orphaned.push(file);
    }
    await auditContent(trx, ctx, {
      action: 'content.attachment.remove', targetType: 'content_item', targetId: itemId,
      before: { attachmentId: attachment.id, fileId: attachment.file_id, role: attachment.role, title: attachment.title,
        name: file?.original_name ?? null, size: file ? Number(file.size) : null, sha256: file?.sha256 ?? null },
    }, now);
  });
  // Only after the commit: a rolled-back delete must keep its bytes.
  await discardFileBytes(core, orphaned);
}
