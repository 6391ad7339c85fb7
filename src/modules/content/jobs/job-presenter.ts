import type { Kysely } from 'kysely';
import type { Static } from '@sinclair/typebox';
import type { Actor } from '../../../core/access/actor.js';
import { scopeNames } from '../../../core/regions/region-repository.js';
import type { ContentDatabase } from '../content-schema.js';
import { isExpired } from './job-fields.js';
import { jobAbilities } from './job-policy.js';
import { townNameOf, type JobRow } from './job-repository.js';
import type { JobSchema } from './job-schemas.js';

export type JobView = Static<typeof JobSchema>;

/** Postings as the API sends them, with what the caller may do to each (the back office hides the rest). */
export async function presentJobs(db: Kysely<ContentDatabase>, actor: Actor, rows: JobRow[], now: Date): Promise<JobView[]> {
  const owners = await scopeNames(db, rows.map((r) => r.owner_scope_id));
  return rows.map((row) => ({
    id: row.id,
    employerName: row.employer_name,
    position: row.position,
    headcount: Number(row.headcount),
    region: { id: row.region_id, name: row.region_name, townName: townNameOf(row) },
    salaryMin: row.salary_min === null ? null : Number(row.salary_min),
    salaryMax: row.salary_max === null ? null : Number(row.salary_max),
    requirements: row.requirements_html,
    contact: row.contact,
    validUntil: row.valid_until,
    trainingLink: row.training_link,
    ownerScope: { type: row.owner_scope_type, id: row.owner_scope_id, name: owners.get(row.owner_scope_id) ?? row.owner_scope_id },
    status: row.status,
    expired: isExpired(row.valid_until, now),
    publishedAt: row.published_at,
    viewCount: Number(row.view_count),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    abilities: jobAbilities(actor, row, now),
  }));
}
