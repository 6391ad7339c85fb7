import type { Kysely } from 'kysely';
import type { Actor } from '../../../core/access/actor.js';
import { rolesWith } from '../../../core/access/permissions.js';
import type { ScopeType } from '../../../core/access/roles.js';
import type { FieldError } from '../../../core/http/errors.js';
import { invalidField } from '../../../core/http/errors.js';
import { resolveScope } from '../../../core/regions/region-repository.js';
import type { ContentDatabase } from '../content-schema.js';
import { JOB_PERMISSION, jobScopePaths, postingArea } from './job-policy.js';

/** The scope a posting belongs to; an employer's own registry entry posts for itself only, under its own name. */
export interface JobOwner {
  type: ScopeType;
  id: string;
  path: string;
  name: string;
  /** An institution of kind 'employer': the posting's employer name is this institution's name. */
  isEmployer: boolean;
}

export interface JobRegion { id: string; name: string; path: string }

/**
 * The owner of a new posting: the scope the caller names (it must lie under one of their grants for
 * content.job.manage), else their own narrowest grant whose area holds the job's region.
 */
export async function resolveJobOwner(db: Kysely<ContentDatabase>, actor: Actor, requested: { type: ScopeType; id: string } | undefined,
  region: JobRegion | null): Promise<JobOwner> {
  let scope: { type: ScopeType; id: string; path: string; name: string };
  if (requested) {
    const found = await resolveScope(db, requested.type, requested.id);
    if (!found || !jobScopePaths(actor).some((p) => found.path.startsWith(p))) throw invalidField('ownerScope', 'content.job.owner_out_of_scope', 'scope');
    scope = found;
  } else {
    const roles = rolesWith(JOB_PERMISSION);
    const grants = actor.grants.filter((g) => roles.has(g.role)).sort((a, b) => b.scopePath.length - a.scopePath.length);
    const grant = grants.find((g) => region && region.path.startsWith(postingArea(g.scopeType, g.scopePath))) ?? grants[0];
    if (!grant) throw invalidField('ownerScope', 'content.job.no_scope', 'scope');
    scope = { type: grant.scopeType, id: grant.scopeId, path: grant.scopePath, name: grant.scopeName };
  }
  let isEmployer = false;
  if (scope.type === 'institution') {
    const row = await db.selectFrom('institutions').select(['kind', 'name']).where('id', '=', scope.id).executeTakeFirstOrThrow();
    isEmployer = row.kind === 'employer';
    scope.name = row.name;
  }
  return { ...scope, isEmployer };
}

/** A town or village of the city; null with a field error when it does not exist or is the city itself. */
export async function findJobRegion(db: Kysely<ContentDatabase>, regionId: string): Promise<{ region: JobRegion | null; errors: FieldError[] }> {
  const row = await db.selectFrom('regions').select(['id', 'name', 'path', 'level']).where('id', '=', regionId).executeTakeFirst();
  if (!row) return { region: null, errors: [{ field: 'regionId', code: 'unknown', messageId: 'content.job.region_unknown' }] };
  if (row.level === 'city') return { region: null, errors: [{ field: 'regionId', code: 'level', messageId: 'content.job.region_level' }] };
  return { region: { id: row.id, name: row.name, path: row.path }, errors: [] };
}

/**
 * Staff post for jobs in their own area (a town admin in the town, a center in its town); an employer may
 * advertise a job anywhere in the city.
 */
export function regionErrors(owner: Pick<JobOwner, 'type' | 'path' | 'isEmployer'>, region: JobRegion): FieldError[] {
  if (owner.isEmployer || region.path.startsWith(postingArea(owner.type, owner.path))) return [];
  return [{ field: 'regionId', code: 'scope', messageId: 'content.job.region_out_of_scope' }];
}
