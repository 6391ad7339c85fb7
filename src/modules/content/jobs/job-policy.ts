import type { Actor } from '../../../core/access/actor.js';
import { isInScope, scopePathsFor } from '../../../core/access/scope.js';
import type { ContentJobsTable } from '../content-schema.js';
import { isExpired } from './job-fields.js';

export const JOB_PERMISSION = 'content.job.manage';

/**
 * Who may do what with a posting: anyone holding content.job.manage over the posting's owner scope. A town
 * admin's scope is the town, so they see and change the town's postings only; an employer's scope is its own
 * registry entry, so it sees and changes its own postings only.
 */
export function jobScopePaths(actor: Actor): string[] {
  return scopePathsFor(actor, JOB_PERMISSION);
}

export function mayManageJob(actor: Actor, job: Pick<ContentJobsTable, 'owner_path'>): boolean {
  return isInScope(actor, JOB_PERMISSION, job.owner_path);
}

export function jobAbilities(actor: Actor, job: Pick<ContentJobsTable, 'owner_path' | 'status' | 'valid_until'>, now: Date) {
  const manage = mayManageJob(actor, job);
  return {
    edit: manage,
    publish: manage && job.status !== 'published' && !isExpired(job.valid_until, now),
    withdraw: manage && job.status === 'published',
  };
}

/**
 * The part of the region tree a scope posts for: a city or town scope its own subtree; an institution the
 * subtree of the region it sits in (an institution's path is its region's path plus its own id).
 */
export function postingArea(scopeType: 'city' | 'region' | 'institution', scopePath: string): string {
  if (scopeType !== 'institution') return scopePath;
  return scopePath.slice(0, scopePath.lastIndexOf('/', scopePath.length - 2) + 1);
}
