import type { Client, TestApp } from '../support/test-app.js';
import type { Call, Ids, MatrixRole, MatrixRow } from './authz-matrix.js';

/**
 * The content module's rows of the authorization matrix (see authz-matrix.ts for the meaning of each cell),
 * the fixtures its routes need, and how to call each route so an allowed role is not refused for its body.
 */
const A = 'allow' as const;

// prettier-ignore
export const CONTENT_ROWS: Record<string, MatrixRow> = {
  //                                        anon city town inst teach edit revw insp audit empl resid
};

/** Creates what the content routes act on (run once, before the matrix). Returns ids by name. */
export async function contentSetup(_t: TestApp, _clients: Record<MatrixRole, Client>): Promise<Record<string, string>> {
  return {};
}

/** The request for one content route and role; undefined for routes of other modules. */
export function contentCall(route: string, _role: MatrixRole, _ids: Ids): Call | undefined {
  if (!(route in CONTENT_ROWS)) return undefined;
  return undefined;
}
void A;
