import type { Actor } from '../../../core/access/actor.js';
import { isInScope } from '../../../core/access/scope.js';
import { AppError } from '../../../core/http/errors.js';
import type { LoadedItem } from '../items/item-loader.js';

/**
 * Attachments change only where the item's text may change without anyone else's check: a draft, or a
 * withdrawn item (off the site; it must be submitted again before it returns). Attachment rows are not
 * revisioned, so on an item under review, approved, scheduled or published (even with a pending edit)
 * they are locked — otherwise a file would reach the public without review and sign-off.
 * The caller must hold content.item.write over the item's owner scope, as for an edit.
 */
export function assertAttachmentsEditable(actor: Actor, loaded: LoadedItem): void {
  const status = loaded.item.status;
  if (loaded.pending || (status !== 'draft' && status !== 'withdrawn')) {
    throw new AppError(409, 'content.attachment.locked', { status: loaded.pending ? loaded.pending.status : status });
  }
  if (!isInScope(actor, 'content.item.write', loaded.item.owner_path)) throw new AppError(403, 'content.workflow.not_allowed');
}
