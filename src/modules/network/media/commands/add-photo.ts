import type { Actor, RequestContext } from '../../../../core/access/actor.js';
import type { CoreContext } from '../../../../core/context.js';
import { AppError } from '../../../../core/http/errors.js';
import { newId } from '../../../../core/ids.js';
import { withStoredFiles } from '../../../content/files/file-store.js';
import { auditMedia } from '../media-audit.js';
import { institutionForMedia } from '../media-institution.js';
import { presentPhoto, type PhotoView } from '../media-presenter.js';
import { MAX_PHOTOS, photoCount } from '../media-repository.js';
import { asContentDb, mediaDb } from '../media-schema.js';

export interface NewPhoto { bytes: Buffer; filename: string; caption: string }

/**
 * Stores an image through the content module's file service (owner path: the institution's, so it stays in
 * the institution's scope) and adds it to the institution's photos, after the last one. Needs the right to edit
 * the institution; at most MAX_PHOTOS per institution (400 beyond). Audited; a failure leaves no row or bytes.
 */
export async function addPhoto(core: CoreContext, ctx: RequestContext & { actor: Actor }, institutionId: string,
  input: NewPhoto): Promise<PhotoView> {
  const now = core.clock.now();
  return withStoredFiles(core, (store) => mediaDb(core).transaction().execute(async (trx) => {
    const institution = await institutionForMedia(trx, ctx.actor, 'network.institution.update', institutionId, true);
    const { count, nextSort } = await photoCount(trx, institutionId);
    if (count >= MAX_PHOTOS) throw new AppError(400, 'network.photo.limit', { max: MAX_PHOTOS });
    const file = await store(core, asContentDb(trx), {
      bytes: input.bytes, originalName: input.filename, ownerPath: institution.path, userId: ctx.actor.userId,
    }, ['image']).catch((error: unknown) => {
      if (error instanceof AppError && error.messageId === 'content.file.type') throw new AppError(400, 'network.photo.image_required');
      throw error;
    });
    const row = {
      id: newId(), institution_id: institutionId, file_id: file.id, caption: input.caption, sort: nextSort,
      created_by: ctx.actor.userId, created_at: now.toISOString(),
    };
    await trx.insertInto('network_institution_photos').values(row).execute();
    await auditMedia(trx, ctx, {
      action: 'network.photo.add', targetType: 'institution', targetId: institutionId,
      after: { photoId: row.id, fileId: file.id, caption: row.caption, name: file.original_name, size: file.size, sha256: file.sha256 },
    }, now);
    return presentPhoto({ ...row, mime: file.mime, size: file.size });
  }));
}
