import type { Client, TestApp } from '../support/test-app.js';
import type { Call, Ids, MatrixRole, MatrixRow } from './authz-matrix.js';

/**
 * The lifelong learning record and the credit bank: everyone signed in reads their own record (there is no way to
 * name another person's); conversion rules are the city's (learning.credit_rule.manage = city admins only).
 */
const A = 'allow' as const;

// prettier-ignore
export const RECORD_ROWS: Record<string, MatrixRow> = {
  //                                                       anon city town inst teach edit revw insp audit empl resid
  'GET /api/v1/learning/me/record':                       [401, A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
  'GET /api/v1/learning/credit-rules':                    [401, A,   403, 403, 403,  403, 403, 403, 403,  403, 403],
  'POST /api/v1/learning/credit-rules':                   [401, A,   403, 403, 403,  403, 403, 403, 403,  403, 403],
  'PUT /api/v1/learning/credit-rules/:id':                [401, A,   403, 403, 403,  403, 403, 403, 403,  403, 403],
};

/** A demo conversion rule, so the edit route names a real one. */
export async function recordSetup(t: TestApp, _clients: Record<MatrixRole, Client>): Promise<Record<string, string>> {
  const db = t.app.database.db as any;
  const rule = await db.selectFrom('learning_credit_rules').select('id').orderBy('name').executeTakeFirstOrThrow();
  return { creditRule: rule.id };
}

/** Writes send `{}`, which the schema refuses after authorization (400): no rule is created or changed. */
export function recordCall(route: string, _role: MatrixRole, ids: Ids): Call | undefined {
  if (!(route in RECORD_ROWS)) return undefined;
  const [method, path] = route.split(' ') as [string, string];
  const url = path.replace(':id', ids.extra.creditRule ?? 'missing');
  return method === 'GET' ? { url } : { url, body: {} };
}
