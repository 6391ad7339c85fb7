import type { Kysely } from 'kysely';
import type { FieldError } from '../../../core/http/errors.js';
import type { MediaDatabase } from './media-schema.js';

/** Queries of the media part, nothing else: who may see what is decided by the routes and commands. */
type Db = Kysely<MediaDatabase>;

/** At most this many photos per institution: the public page shows them all, and they are not an archive. */
export const MAX_PHOTOS = 12;
export const MAX_CAPTION_CHARS = 100;

/** An institution's photos in their order, with the image's stored type and size. */
export function listPhotos(db: Db, institutionId: string) {
  return db.selectFrom('network_institution_photos as p').innerJoin('content_files as f', 'f.id', 'p.file_id')
    .select(['p.id', 'p.institution_id', 'p.file_id', 'p.caption', 'p.sort', 'p.created_at', 'f.mime', 'f.size'])
    .where('p.institution_id', '=', institutionId).orderBy('p.sort').orderBy('p.id').execute();
}

export type PhotoRow = Awaited<ReturnType<typeof listPhotos>>[number];

export function findPhoto(db: Db, institutionId: string, photoId: string) {
  return db.selectFrom('network_institution_photos').selectAll()
    .where('institution_id', '=', institutionId).where('id', '=', photoId).executeTakeFirst();
}

/** How many photos the institution has and the next sort position (one query). */
export async function photoCount(db: Db, institutionId: string): Promise<{ count: number; nextSort: number }> {
  const row = await db.selectFrom('network_institution_photos')
    .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('sort').as('last')])
    .where('institution_id', '=', institutionId).executeTakeFirstOrThrow();
  return { count: Number(row.n), nextSort: row.last === null ? 10 : Number(row.last) + 10 };
}

/**
 * What the public page cache adds to its key for photos: any add or delete changes the count or the newest
 * id (ids are time-ordered), so a cached page never shows a removed photo or misses a new one.
 */
export async function photosStamp(db: Db, institutionId: string): Promise<string> {
  const row = await db.selectFrom('network_institution_photos')
    .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('id').as('newest'), (eb) => eb.fn.min('id').as('oldest')])
    .where('institution_id', '=', institutionId).executeTakeFirstOrThrow();
  return `photos:${Number(row.n)}:${row.newest ?? ''}:${row.oldest ?? ''}`;
}

/** An evidence file of the institution, with the stored file's row; undefined when it is not one of its files. */
export function findEvidence(db: Db, institutionId: string, fileId: string) {
  return db.selectFrom('network_institution_evidence as e').innerJoin('content_files as f', 'f.id', 'e.file_id')
    .selectAll('f').where('e.institution_id', '=', institutionId).where('e.file_id', '=', fileId).executeTakeFirst();
}

/** Names of evidence files by id, for the indicator values list (one query for the whole list). */
export async function evidenceNames(db: Db, institutionId: string, fileIds: string[]): Promise<Map<string, string>> {
  if (fileIds.length === 0) return new Map();
  const rows = await db.selectFrom('network_institution_evidence as e').innerJoin('content_files as f', 'f.id', 'e.file_id')
    .select(['f.id', 'f.original_name']).where('e.institution_id', '=', institutionId).where('e.file_id', 'in', fileIds).execute();
  return new Map(rows.map((r) => [r.id, r.original_name]));
}

/**
 * Field errors for evidence file ids that are not evidence files of this institution. `entries[i]` is checked
 * only when its file id is new for that indicator (`kept` says which ids are already recorded), so resending
 * an unchanged value never fails on an id recorded before the check existed.
 */
export async function evidenceFileErrors(trx: Kysely<any>, institutionId: string,
  entries: { evidenceFileId?: string | null }[], kept: (i: number) => boolean): Promise<FieldError[]> {
  const db = trx as Db;
  const wanted = entries.map((e, i) => (e.evidenceFileId && !kept(i) ? e.evidenceFileId : null));
  const ids = [...new Set(wanted.filter((id): id is string => id !== null))];
  if (ids.length === 0) return [];
  const owned = new Set((await db.selectFrom('network_institution_evidence').select('file_id')
    .where('institution_id', '=', institutionId).where('file_id', 'in', ids).execute()).map((r) => r.file_id));
  const errors: FieldError[] = [];
  wanted.forEach((id, i) => {
    if (id !== null && !owned.has(id)) {
      errors.push({ field: `values.${i}.evidenceFileId`, code: 'unknown', messageId: 'network.evidence.not_of_institution' });
    }
  });
  return errors;
}
