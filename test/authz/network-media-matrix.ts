import type { Client, TestApp } from '../support/test-app.js';
import type { Call, Ids, MatrixRole, MatrixRow } from './authz-matrix.js';

/**
 * The network's photos, evidence files and dashboard (H2) in the authorization matrix (see authz-matrix.ts for
 * the meaning of each cell), and how to call each route so an allowed role is not refused for its body.
 */
const A = 'allow' as const;

// prettier-ignore
export const NETWORK_MEDIA_ROWS: Record<string, MatrixRow> = {
  //                                        anon city town inst teach edit revw insp audit empl resid
  // photos: read = city, town, inst (own), inspector; add/remove = whoever may edit the institution (no inspector)
  'GET /api/v1/network/institutions/:id/photos':                [401, A, A, A, 403, 403, 403, A,   403, 403, 403],
  'POST /api/v1/network/institutions/:id/photos':               [401, A, A, A, 403, 403, 403, 403, 403, 403, 403],
  'DELETE /api/v1/network/institutions/:id/photos/:photoId':    [401, A, A, A, 403, 403, 403, 403, 403, 403, 403],
  // evidence: uploaded by those who record indicator values; read by those who read them (inspectors too)
  'POST /api/v1/network/institutions/:id/evidence':             [401, A, A, A, 403, 403, 403, 403, 403, 403, 403],
  'GET /api/v1/network/institutions/:id/evidence/:fileId':      [401, A, A, A, 403, 403, 403, A,   403, 403, 403],
  'GET /api/v1/network/dashboard':                              [401, A, A, A, 403, 403, 403, A,   403, 403, 403],
};

/** Nothing to create: reads name the first town's center, writes are refused after authorization. */
export async function networkMediaSetup(_t: TestApp, _clients: Record<MatrixRole, Client>): Promise<Record<string, string>> {
  return {};
}

/**
 * Reads and the delete name the first town's center (an unknown photo or file answers 404 after authorization,
 * so the demo photos stay). The uploads keep a JSON `{}`: not multipart, 415 after authorization, nothing stored.
 */
export function networkMediaCall(route: string, _role: MatrixRole, ids: Ids): Call | undefined {
  if (!(route in NETWORK_MEDIA_ROWS)) return undefined;
  const [method, path] = route.split(' ');
  const url = path!.replace(':id', ids.center1).replace(':photoId', 'no-such-photo').replace(':fileId', 'no-such-file');
  return { url, body: method === 'GET' || method === 'DELETE' ? undefined : {} };
}
