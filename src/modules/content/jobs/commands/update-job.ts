import type { CoreContext } from '../../../../core/context.js';
import type { Actor, RequestContext } from '../../../../core/access/actor.js';
import { appendAudit } from '../../../../core/audit/audit-log.js';
import { invalid, type FieldError } from '../../../../core/http/errors.js';
import { contentDb, type ContentJobsTable } from '../../content-schema.js';
import { bumpContentVersion } from '../../content-version.js';
import { htmlToText, sanitizeBody } from '../../items/sanitize-html.js';
import { indexJob } from '../../search/search-index.js';
import { contactErrors, salaryErrors, trainingLinkErrors, validUntilErrors } from '../job-fields.js';
import { findJobRegion, regionErrors } from '../job-owner.js';
import type { UpdateJobInput } from '../job-schemas.js';
import { requiredText } from './create-job.js';
import { auditedJobFields } from './job-audit.js';
import { loadManageableJob } from './load-job.js';

/**
 * Saves changes to a posting in any state. A published posting stays published: its page, the search index
 * and the content version follow the change in the same transaction, and its closing date may not be moved
 * into the past (withdraw it instead).
 */
export async function updateJob(core: CoreContext, ctx: RequestContext & { actor: Actor }, id: string, input: UpdateJobInput): Promise<void> {
  const now = core.clock.now();
  await contentDb(core).transaction().execute(async (trx) => {
    const job = await loadManageableJob(trx, ctx.actor, id);
    const errors: FieldError[] = [
      ...requiredText('position', input.position),
      ...requiredText('contact', input.contact),
      ...requiredText('employerName', input.employerName),
      ...salaryErrors(input.salaryMin !== undefined ? input.salaryMin : job.salary_min, input.salaryMax !== undefined ? input.salaryMax : job.salary_max),
      ...validUntilErrors(input.validUntil, now, job.status === 'published'),
      ...contactErrors(input.contact),
      ...trainingLinkErrors(input.trainingLink),
    ];
    const changes: Partial<ContentJobsTable> = {};
    if (input.requirements !== undefined) {
      changes.requirements_html = sanitizeBody(input.requirements);
      changes.requirements_text = htmlToText(changes.requirements_html);
      if (changes.requirements_text === '') errors.push({ field: 'requirements', code: 'empty', messageId: 'content.job.requirements_empty' });
    }
    const ownerIsEmployer = await isEmployerInstitution(trx, job);
    if (input.regionId !== undefined && input.regionId !== job.region_id) {
      const { region, errors: regionProblems } = await findJobRegion(trx, input.regionId);
      errors.push(...regionProblems, ...(region ? regionErrors({ type: job.owner_scope_type, path: job.owner_path, isEmployer: ownerIsEmployer }, region) : []));
      changes.region_id = input.regionId;
    }
    if (errors.length > 0) throw invalid(errors);

    // An employer's own postings keep its registered name.
    if (input.employerName !== undefined && !ownerIsEmployer) changes.employer_name = input.employerName.trim();
    if (input.position !== undefined) changes.position = input.position.trim();
    if (input.headcount !== undefined) changes.headcount = input.headcount;
    if (input.salaryMin !== undefined) changes.salary_min = input.salaryMin;
    if (input.salaryMax !== undefined) changes.salary_max = input.salaryMax;
    if (input.contact !== undefined) changes.contact = input.contact.trim();
    if (input.validUntil !== undefined) changes.valid_until = input.validUntil;
    if (input.trainingLink !== undefined) changes.training_link = input.trainingLink?.trim() || null;

    const changed = (Object.keys(changes) as Array<keyof ContentJobsTable>).filter((k) => changes[k] !== job[k]);
    if (changed.length === 0) return;
    const before = auditedJobFields(Object.fromEntries(changed.map((k) => [k, job[k]])));
    const after = auditedJobFields(Object.fromEntries(changed.map((k) => [k, changes[k]])));
    await trx.updateTable('content_jobs').set({ ...Object.fromEntries(changed.map((k) => [k, changes[k]])), updated_at: now.toISOString() })
      .where('id', '=', id).execute();
    await appendAudit(trx, ctx, { action: 'content.job.update', targetType: 'content_job', targetId: id, before, after }, now);
    if (job.status === 'published') {
      await indexJob(trx, core.dialect, id);
      await bumpContentVersion(trx);
    }
  });
}

async function isEmployerInstitution(trx: ReturnType<typeof contentDb>, job: Pick<ContentJobsTable, 'owner_scope_type' | 'owner_scope_id'>) {
  if (job.owner_scope_type !== 'institution') return false;
  const row = await trx.selectFrom('institutions').select('kind').where('id', '=', job.owner_scope_id).executeTakeFirst();
  return row?.kind === 'employer';
}
