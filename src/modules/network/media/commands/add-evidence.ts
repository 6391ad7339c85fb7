import type { Actor, RequestContext } from '../../../../core/access/actor.js';
import type { CoreContext } from '../../../../core/context.js';
import { AppError } from '../../../../core/http/errors.js';
import { withStoredFiles } from '../../../content/files/file-store.js';
import { extensionOf } from '../../../content/files/file-types.js';
import { auditMedia } from '../media-audit.js';
import { institutionForMedia } from '../media-institution.js';
import { presentEvidence } from '../media-presenter.js';
import { asContentDb, mediaDb } from '../media-schema.js';

/** Evidence is what an inspector opens: documents and scans, not plain text or the old binary Office formats. */
const EVIDENCE_EXTENSIONS = new Set(['pdf', 'docx', 'xlsx', 'png', 'jpg', 'jpeg', 'gif', 'webp']);

export interface NewEvidence { bytes: Buffer; filename: string }

/**
 * Stores an evidence file for an institution's indicator values (owner path: the institution's) and records it
 * as that institution's, so a value can only point at its own institution's evidence. Needs the right to record
 * the institution's indicator values; audited; a failure leaves no row or bytes.
 */
export async function addEvidence(core: CoreContext, ctx: RequestContext & { actor: Actor }, institutionId: string, input: NewEvidence) {
  const now = core.clock.now();
  return withStoredFiles(core, (store) => mediaDb(core).transaction().execute(async (trx) => {
    const institution = await institutionForMedia(trx, ctx.actor, 'network.indicator.record', institutionId);
    if (!EVIDENCE_EXTENSIONS.has(extensionOf(input.filename))) throw new AppError(400, 'network.evidence.type');
    const file = await store(core, asContentDb(trx), {
      bytes: input.bytes, originalName: input.filename, ownerPath: institution.path, userId: ctx.actor.userId,
    }, ['document', 'image']).catch((error: unknown) => {
      if (error instanceof AppError && error.messageId === 'content.file.type') throw new AppError(400, 'network.evidence.type');
      throw error;
    });
    await trx.insertInto('network_institution_evidence').values({
      file_id: file.id, institution_id: institutionId, created_by: ctx.actor.userId, created_at: now.toISOString(),
    }).execute();
    await auditMedia(trx, ctx, {
      action: 'network.evidence.add', targetType: 'institution', targetId: institutionId,
      after: { fileId: file.id, name: file.original_name, mime: file.mime, size: file.size, sha256: file.sha256 },
    }, now);
    return presentEvidence(file);
  }));
}
