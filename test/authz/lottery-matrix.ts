import type { Client, TestApp } from '../support/test-app.js';
import type { Call, Ids, MatrixRole, MatrixRow } from './authz-matrix.js';

/**
 * Lottery (摇号) rows of the authorization matrix: setting up and drawing = city, town and institution admins (the
 * handler narrows to their scope: others get 404); applying and withdrawing = residents; one's own applications =
 * anyone signed in; the published draw = everyone, anonymous visitors included.
 */
const A = 'allow' as const;

// prettier-ignore
export const LOTTERY_ROWS: Record<string, MatrixRow> = {
  //                                                   anon city town inst teach edit revw insp audit empl resid
  'GET /api/v1/learning/classes/:id/lottery':          [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'PUT /api/v1/learning/classes/:id/lottery':          [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'POST /api/v1/learning/classes/:id/lottery/draw':    [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'POST /api/v1/learning/classes/:id/applications':    [401, 403, 403, 403, 403,  403, 403, 403, 403,  403, A],
  'POST /api/v1/learning/applications/:id/withdraw':   [401, 403, 403, 403, 403,  403, 403, 403, 403,  403, A],
  'GET /api/v1/learning/me/applications':              [401, A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
  'GET /api/v1/learning/classes/:id/draw':             [A,   A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
};

/** The demo lottery class (合唱, committed by the demo seed): reads act on a real lottery. */
export async function lotterySetup(t: TestApp, _clients: Record<MatrixRole, Client>): Promise<Record<string, string>> {
  const db = t.app.database.db as any;
  const row = await db.selectFrom('learning_lotteries').select('class_id').orderBy('class_id').executeTakeFirst();
  return { lotteryClass: row?.class_id ?? 'missing' };
}

/**
 * Reads name the demo lottery class. Writes change nothing: the set-up sends `{}` (400 after authorization), the draw
 * runs before the window closes (409, or 404 out of scope), and applying and withdrawing name ids that do not exist (404).
 */
export function lotteryCall(route: string, _role: MatrixRole, ids: Ids): Call | undefined {
  if (!(route in LOTTERY_ROWS)) return undefined;
  const [method, path] = route.split(' ');
  const real = ids.extra.lotteryClass ?? 'missing';
  const id = route.endsWith('/applications') || route.includes('/applications/:id') ? 'no-such-id' : real;
  return { url: path.replace(':id', id), body: method === 'GET' ? undefined : {} };
}
