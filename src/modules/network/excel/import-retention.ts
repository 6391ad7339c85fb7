import type { PurgeRule } from '../../../core/pii/inventory.js';
import { importDb } from './import-schema.js';
import { KEEP_JOBS_DAYS } from './import-jobs.js';

/**
 * Import jobs older than KEEP_JOBS_DAYS, whatever their state: their validated drafts (names, encrypted phones and ID
 * numbers) are of no use once nobody will commit them, and a job still "busy" that old lost its process long ago.
 * The uploaded workbook itself is never stored (it is read in the request).
 */
export const purgeOldImportJobs: PurgeRule = async (core, now) => {
  const result = await importDb(core).deleteFrom('network_import_jobs')
    .where('created_at', '<', new Date(now.getTime() - KEEP_JOBS_DAYS * 86_400_000).toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
};
