import { ApiError } from '../../core/api/ApiError';

/** 公文 fields the server may name without their `official.` prefix (e.g. `docNumber`). */
const OFFICIAL_FIELDS = new Set([
  'docType',
  'issuingOrgan',
  'organCode',
  'docNumber',
  'signer',
  'addressees',
  'cc',
  'writtenDate',
  'printingOrgan',
  'printingDate',
  'topic',
  'validity',
  'repealedById',
  'disclosure',
  'attachmentNotes',
]);

/**
 * The editor nests the 公文 fields under `official`; a field error the server reports as `docNumber` or
 * `/docNumber` is moved to `official.docNumber` so that it shows under the field.
 */
export function withOfficialFieldPaths(error: unknown): unknown {
  if (!(error instanceof ApiError) || !error.problem?.errors?.length) return error;
  const errors = error.problem.errors.map((e) => {
    const bare = (e.field ?? '').replace(/^\/+/, '');
    return OFFICIAL_FIELDS.has(bare) ? { ...e, field: `official.${bare}` } : e;
  });
  return new ApiError(error.status, { ...error.problem, errors }, error.message);
}
