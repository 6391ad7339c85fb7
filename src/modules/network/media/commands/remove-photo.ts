import type { Actor, RequestContext } from '../../../../core/access/actor.js';
import type { CoreContext } from '../../../../core/context.js';
import { notFound } from '../../../../core/http/errors.js';
import type { ContentFilesTable } from '../../../content/content-schema.js';
import { deleteFileRowIfUnused, discardFileBytes } from '../../../content/files/file-store.js';
import { auditMedia } from '../media-audit.js';
import { institutionForMedia } from '../media-institution.js';
import { findPhoto } from '../media-repository.js';
import { asContentDb, mediaDb } from '../media-schema.js';

/**
 * Removes a photo of an institution the actor may edit. The file row goes too when nothing else uses it (the
 * content module decides); its bytes are removed only after the commit, so a rolled-back delete keeps them.
 * The audit entry keeps the caption, name, size and hash.
 */
export async function removePhoto(core: CoreContext, ctx: RequestContext & { actor: Actor }, institutionId: string, photoId: string): Promise<void> {
  const now = core.clock.now();
  const orphaned: ContentFilesTable[] = [];
  await mediaDb(core).transaction().execute(async (trx) => {
    await institutionForMedia(trx, ctx.actor, 'network.institution.update', institutionId, true);
    const photo = await findPhoto(trx, institutionId, photoId);
    if (!photo) throw notFound('network.photo.not_found');
    await trx.deleteFrom('network_institution_photos').where('id', '=', photo.id).execute();
    const file = await deleteFileRowIfUnused(asContentDb(trx), photo.file_id);
    if (file) orphaned.push(file);
    await auditMedia(trx, ctx, {
      action: 'network.photo.remove', targetType: 'institution', targetId: institutionId,
      before: { photoId: photo.id, fileId: photo.file_id, caption: photo.caption,
        name: file?.original_name ?? null, size: file ? Number(file.size) : null, sha256: file?.sha256 ?? null },
    }, now);
  });
  await discardFileBytes(core, orphaned);
}
