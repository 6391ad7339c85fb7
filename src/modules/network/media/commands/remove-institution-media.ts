import type { Kysely } from 'kysely';
import type { ContentFilesTable } from '../../../content/content-schema.js';
import { deleteFileRowIfUnused } from '../../../content/files/file-store.js';
import { asContentDb, type MediaDatabase } from '../media-schema.js';

/**
 * For deleting an institution recorded by mistake: its photos and evidence files go with it (they describe
 * nothing else). Runs in the delete's transaction; returns the file rows whose bytes the caller removes with
 * `discardFileBytes` after the commit, plus what the audit entry names.
 */
export async function removeInstitutionMedia(trx: Kysely<any>, institutionId: string) {
  const db = trx as Kysely<MediaDatabase>;
  const photos = await db.selectFrom('network_institution_photos').select(['file_id']).where('institution_id', '=', institutionId).execute();
  const evidence = await db.selectFrom('network_institution_evidence').select(['file_id']).where('institution_id', '=', institutionId).execute();
  await db.deleteFrom('network_institution_photos').where('institution_id', '=', institutionId).execute();
  await db.deleteFrom('network_institution_evidence').where('institution_id', '=', institutionId).execute();
  const files: ContentFilesTable[] = [];
  for (const { file_id: fileId } of [...photos, ...evidence]) {
    const file = await deleteFileRowIfUnused(asContentDb(db), fileId);
    if (file) files.push(file);
  }
  return { files, photos: photos.length, evidence: evidence.length };
}
