import type { Kysely } from 'kysely';
import type { CoreContext } from '../../../core/context.js';
import type { ContentDatabase } from '../../content/content-schema.js';
import type { InstitutionsDatabase } from '../institutions/institutions-schema.js';

/** Row types of migration 0011_network_media. Timestamps are ISO strings. */
export interface InstitutionPhotosTable {
  id: string;
  institution_id: string;
  /** The content module's file row (bytes, hash, checked image type). */
  file_id: string;
  caption: string;
  sort: number;
  created_by: string | null;
  created_at: string;
}

export interface InstitutionEvidenceTable {
  file_id: string;
  institution_id: string;
  created_by: string | null;
  created_at: string;
}

/**
 * The network's view for media: its institutions, its two media tables, and content_files read-only (joins for
 * names and sizes). Rows of content_files are written and deleted only through the content module's file service.
 */
export type MediaDatabase = InstitutionsDatabase & Pick<ContentDatabase, 'content_files'> & {
  network_institution_photos: InstitutionPhotosTable;
  network_institution_evidence: InstitutionEvidenceTable;
};

export function mediaDb(core: Pick<CoreContext, 'db'>): Kysely<MediaDatabase> {
  return core.db as unknown as Kysely<MediaDatabase>;
}

/** The same connection or transaction typed for the content module's file service. */
export function asContentDb(db: Kysely<MediaDatabase>): Kysely<ContentDatabase> {
  return db as unknown as Kysely<ContentDatabase>;
}
