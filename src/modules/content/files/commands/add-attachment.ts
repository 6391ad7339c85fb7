import type { Actor, RequestContext } from '../../../../core/access/actor.js';
import type { CoreContext } from '../../../../core/context.js';
import { AppError } from '../../../../core/http/errors.js';
import { contentDb } from '../../content-schema.js';
import { auditContent } from '../../content-audit.js';
import { loadVisibleItem } from '../../items/item-loader.js';
import { assertAttachmentsEditable } from '../attachment-policy.js';
import { attachFile } from '../attachment-writer.js';
import { presentAttachment, type AttachmentView } from '../attachment-presenter.js';
import { fileStem } from '../file-names.js';
import { withStoredFiles } from '../file-store.js';

export interface NewAttachment {
  bytes: Buffer;
  filename: string;
  /** 'attachment' (listed under the article) or 'image' (shown in the body via its url). */
  role: 'attachment' | 'image';
  /** Shown in the list; default: the file's name without its extension. */
  title?: string;
}

/** Stores the file and attaches it to a draft (or withdrawn) item in the caller's scope, with an audit entry. */
export async function addAttachment(core: CoreContext, ctx: RequestContext & { actor: Actor }, itemId: string,
  input: NewAttachment): Promise<AttachmentView> {
  const now = core.clock.now();
  return withStoredFiles(core, (store) => contentDb(core).transaction().execute(async (trx) => {
    const loaded = await loadVisibleItem(trx, ctx.actor, itemId, true);
    assertAttachmentsEditable(ctx.actor, loaded);
    const file = await store(core, trx, {
      bytes: input.bytes, originalName: input.filename, ownerPath: loaded.item.owner_path, userId: ctx.actor.userId,
    }, input.role === 'image' ? ['image'] : undefined).catch((error: unknown) => {
      if (input.role === 'image' && error instanceof AppError && error.messageId === 'content.file.type') {
        throw new AppError(400, 'content.file.image_required');
      }
      throw error;
    });
    const title = input.title?.trim() || fileStem(file.original_name);
    const attachment = await attachFile(trx, { item_id: itemId, file_id: file.id, role: input.role, title });
    await auditContent(trx, ctx, {
      action: 'content.attachment.add', targetType: 'content_item', targetId: itemId,
      after: { attachmentId: attachment.id, fileId: file.id, role: input.role, title, name: file.original_name, size: file.size, sha256: file.sha256 },
    }, now);
    return presentAttachment(attachment, file);
  }));
}
