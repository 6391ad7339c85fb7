import type { Client, TestApp } from '../support/test-app.js';
import type { Call, Ids, MatrixRole, MatrixRow } from './authz-matrix.js';

/**
 * The network's Excel import and export routes in the authorization matrix (see authz-matrix.ts for the cells).
 * Imports admit whoever may import anything (network.staff.manage: city, town and institution admins; the kind's own
 * permission is checked in the handler); each export has its JSON list's read permission.
 */
const A = 'allow' as const;

// prettier-ignore
export const NETWORK_IMPORT_ROWS: Record<string, MatrixRow> = {
  //                                                    anon city town inst teach edit revw insp audit empl resid
  'GET /api/v1/network/imports/templates/:kind':        [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'POST /api/v1/network/imports':                       [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'GET /api/v1/network/imports':                        [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'GET /api/v1/network/imports/:id':                    [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'POST /api/v1/network/imports/:id/commit':            [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'GET /api/v1/network/institutions/export.xlsx':       [401, A,   A,   A,   403,  403, 403, A,   403,  403, 403],
  'GET /api/v1/network/people/export.xlsx':             [401, A,   A,   A,   403,  403, 403, A,   403,  403, 403],
  'GET /api/v1/network/partners/export.xlsx':           [401, A,   A,   A,   403,  403, 403, A,   403,  403, 403],
  'GET /api/v1/network/gap-matrix/export.xlsx':         [401, A,   A,   A,   403,  403, 403, A,   403,  403, 403],
};

/** Nothing to create: reads of a job use an id that is no job (404 after authorization). */
export async function networkImportSetup(_t: TestApp, _clients: Record<MatrixRole, Client>): Promise<Record<string, string>> {
  return {};
}

/**
 * The template of people (every admitted role may import people). The upload keeps the default JSON `{}` (415 after
 * authorization), a job's `:id` the default user id (404), exports their plain URL; so the matrix writes nothing.
 */
export function networkImportCall(route: string, _role: MatrixRole, _ids: Ids): Call | undefined {
  if (route === 'GET /api/v1/network/imports/templates/:kind') return { url: '/api/v1/network/imports/templates/people' };
  return undefined;
}
