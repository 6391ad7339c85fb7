import type { CoreContext } from '../../../../core/context.js';
import type { Actor, RequestContext } from '../../../../core/access/actor.js';
import { appendAudit } from '../../../../core/audit/audit-log.js';
import { invalid, type FieldError } from '../../../../core/http/errors.js';
import { newId } from '../../../../core/ids.js';
import { contentDb } from '../../content-schema.js';
import { htmlToText, sanitizeBody } from '../../items/sanitize-html.js';
import { contactErrors, salaryErrors, trainingLinkErrors, validUntilErrors } from '../job-fields.js';
import { findJobRegion, regionErrors, resolveJobOwner } from '../job-owner.js';
import type { CreateJobInput } from '../job-schemas.js';
import { auditedJobFields } from './job-audit.js';

/**
 * Creates a draft posting owned by the caller's scope (or a scope under it). Every field problem is reported
 * at once and nothing is written. A draft is not public: the content version and the search index wait for
 * publication.
 */
export async function createJob(core: CoreContext, ctx: RequestContext & { actor: Actor }, input: CreateJobInput): Promise<string> {
  const now = core.clock.now();
  const at = now.toISOString();
  const requirementsHtml = sanitizeBody(input.requirements);
  const requirementsText = htmlToText(requirementsHtml);
  const errors: FieldError[] = [
    ...requiredText('position', input.position),
    ...salaryErrors(input.salaryMin, input.salaryMax),
    ...validUntilErrors(input.validUntil, now, false),
    ...requiredText('contact', input.contact),
    ...contactErrors(input.contact),
    ...trainingLinkErrors(input.trainingLink),
  ];
  if (requirementsText === '') errors.push({ field: 'requirements', code: 'empty', messageId: 'content.job.requirements_empty' });

  return contentDb(core).transaction().execute(async (trx) => {
    const { region, errors: regionProblems } = await findJobRegion(trx, input.regionId);
    const owner = await resolveJobOwner(trx, ctx.actor, input.ownerScope, region);
    errors.push(...regionProblems, ...(region ? regionErrors(owner, region) : []));
    // An employer's account advertises under its registered name, whatever the form said.
    const employerName = owner.isEmployer ? owner.name : (input.employerName ?? '').trim();
    if (employerName === '') errors.push({ field: 'employerName', code: 'required', messageId: 'content.job.employer_required' });
    if (errors.length > 0) throw invalid(errors);

    const id = newId();
    const row = {
      id, employer_name: employerName, position: input.position.trim(), headcount: input.headcount, region_id: input.regionId,
      salary_min: input.salaryMin ?? null, salary_max: input.salaryMax ?? null,
      requirements_html: requirementsHtml, requirements_text: requirementsText, contact: input.contact.trim(),
      valid_until: input.validUntil, training_link: input.trainingLink?.trim() || null,
      owner_scope_type: owner.type, owner_scope_id: owner.id, owner_path: owner.path,
      status: 'draft' as const, published_at: null, view_count: 0, created_by: ctx.actor.userId, created_at: at, updated_at: at,
    };
    await trx.insertInto('content_jobs').values(row).execute();
    await appendAudit(trx, ctx, { action: 'content.job.create', targetType: 'content_job', targetId: id, after: auditedJobFields(row) }, now);
    return id;
  });
}

export function requiredText(field: string, value: string | undefined): FieldError[] {
  return value !== undefined && value.trim() === '' ? [{ field, code: 'required', messageId: 'field.required' }] : [];
}
