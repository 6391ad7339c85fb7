import type { ContentJobsTable } from '../../content-schema.js';

/** The fields of a posting the audit log records (before/after), named as the API names them. */
export function auditedJobFields(row: Partial<ContentJobsTable>): Record<string, unknown> {
  const names: Array<[keyof ContentJobsTable, string]> = [
    ['employer_name', 'employerName'], ['position', 'position'], ['headcount', 'headcount'], ['region_id', 'regionId'],
    ['salary_min', 'salaryMin'], ['salary_max', 'salaryMax'], ['requirements_text', 'requirements'], ['contact', 'contact'],
    ['valid_until', 'validUntil'], ['training_link', 'trainingLink'], ['owner_scope_id', 'ownerScopeId'], ['status', 'status'],
  ];
  const out: Record<string, unknown> = {};
  for (const [column, name] of names) if (row[column] !== undefined) out[name] = row[column];
  return out;
}
