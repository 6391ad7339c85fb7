import { ApiError } from '../../core/api/ApiError';

/**
 * Forms that send only some of their rows get field errors such as `values.<i>.value`, where `i` counts
 * positions in the list sent; this moves each one to its form row (`rows.<formIndex>.value`) so it shows next
 * to its field. `formIndexOfSent[i]` is the form row of the i-th entry sent.
 */
export function toFormRowErrors(error: unknown, sentList: string, formList: string, formIndexOfSent: readonly number[]): unknown {
  if (!(error instanceof ApiError) || !error.problem?.errors?.length) return error;
  const pattern = new RegExp(`^/?${sentList}[./[](\\d+)\\]?[./]?(\\w+)$`);
  const errors = error.problem.errors.map((e) => {
    const match = pattern.exec(e.field ?? '');
    const formIndex = match ? formIndexOfSent[Number(match[1])] : undefined;
    return match && formIndex !== undefined ? { ...e, field: `${formList}.${formIndex}.${match[2]}` } : e;
  });
  return new ApiError(error.status, { ...error.problem, errors }, error.message);
}
