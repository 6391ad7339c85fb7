import type { Kysely } from 'kysely';
import type { CoreContext } from '../../../core/context.js';
import type { PeopleDatabase } from '../people/people-schema.js';
import type { PartnerTables } from '../partners/partner-schema.js';
import type { InstitutionsDatabase } from '../institutions/institutions-schema.js';

/** Row type of network_import_jobs (migrations/0010_network_imports.ts). */
export const IMPORT_KINDS = ['institutions', 'people', 'partners'] as const;
export type ImportKind = typeof IMPORT_KINDS[number];
export type ImportStatus = 'validating' | 'ready' | 'invalid' | 'committing' | 'committed' | 'failed';

export interface NetworkImportJobsTable {
  id: string;
  kind: ImportKind;
  status: ImportStatus;
  file_name: string;
  created_by: string;
  total: number;
  processed: number;
  valid_rows: number;
  error_count: number;
  /** RowError[] (message ids, values already masked). */
  errors_json: string;
  /** The validated drafts waiting for the commit (null once committed or invalid). */
  rows_json: string | null;
  committed: number;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export type ImportDatabase = InstitutionsDatabase & PeopleDatabase & PartnerTables & { network_import_jobs: NetworkImportJobsTable };
export type ImportDb = Kysely<ImportDatabase>;

export function importDb(core: Pick<CoreContext, 'db'>): ImportDb {
  return core.db as unknown as ImportDb;
}
