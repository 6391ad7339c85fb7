import type { Kysely } from 'kysely';
import type { Actor } from '../../../../core/access/actor.js';
import { notFound } from '../../../../core/http/errors.js';
import type { ContentDatabase } from '../../content-schema.js';
import { mayManageJob } from '../job-policy.js';
import { findJob, type JobRow } from '../job-repository.js';

/** The posting if the caller manages it; a posting outside their scope is reported exactly like a missing one. */
export async function loadManageableJob(db: Kysely<ContentDatabase>, actor: Actor, id: string): Promise<JobRow> {
  const row = await findJob(db, id);
  if (!row || !mayManageJob(actor, row)) throw notFound('content.job.not_found');
  return row;
}
