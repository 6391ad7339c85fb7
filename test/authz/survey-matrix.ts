import type { Client, TestApp } from '../support/test-app.js';
import type { Call, Ids, MatrixRole, MatrixRow } from './authz-matrix.js';

/**
 * Learning-needs surveys' rows of the authorization matrix: managing = city and town admins; reading surveys and
 * results = those and inspectors; answering (and reading the open surveys and a form) = anyone signed in, since
 * who may answer depends on where they live, which the handler checks.
 */
const A = 'allow' as const;

// prettier-ignore
export const SURVEY_ROWS: Record<string, MatrixRow> = {
  //                                                   anon city town inst teach edit revw insp audit empl resid
  'GET /api/v1/learning/surveys':                      [401, A,   A,   403, 403,  403, 403, A,   403,  403, 403],
  'GET /api/v1/learning/surveys/open':                 [401, A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
  'POST /api/v1/learning/surveys':                     [401, A,   A,   403, 403,  403, 403, 403, 403,  403, 403],
  'GET /api/v1/learning/surveys/:id':                  [401, A,   A,   403, 403,  403, 403, A,   403,  403, 403],
  'PUT /api/v1/learning/surveys/:id':                  [401, A,   A,   403, 403,  403, 403, 403, 403,  403, 403],
  'DELETE /api/v1/learning/surveys/:id':               [401, A,   A,   403, 403,  403, 403, 403, 403,  403, 403],
  'POST /api/v1/learning/surveys/:id/publish':         [401, A,   A,   403, 403,  403, 403, 403, 403,  403, 403],
  'POST /api/v1/learning/surveys/:id/close':           [401, A,   A,   403, 403,  403, 403, 403, 403,  403, 403],
  'GET /api/v1/learning/surveys/:id/results':          [401, A,   A,   403, 403,  403, 403, A,   403,  403, 403],
  'GET /api/v1/learning/surveys/:id/results.xlsx':     [401, A,   A,   403, 403,  403, 403, A,   403,  403, 403],
  'GET /api/v1/learning/surveys/:id/form':             [401, A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
  'POST /api/v1/learning/surveys/:id/responses':       [401, A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
};

/** The city-wide demo survey: reads act on a real survey. */
export async function surveySetup(t: TestApp, _clients: Record<MatrixRole, Client>): Promise<Record<string, string>> {
  const db = t.app.database.db as any;
  const survey = await db.selectFrom('learning_surveys').select('id').where('region_id', '=', '329901000000').executeTakeFirstOrThrow();
  return { learningSurvey: survey.id };
}

/**
 * Every survey route names the demo city survey. Writes send `{}`, which the schema refuses after authorization
 * (no version, no answers), and DELETE of a published survey is 409 (or 404 out of scope): nothing changes.
 */
export function surveyCall(route: string, _role: MatrixRole, ids: Ids): Call | undefined {
  if (!(route in SURVEY_ROWS)) return undefined;
  const [method, path] = route.split(' ');
  const url = path.replace(':id', ids.extra.learningSurvey ?? 'missing');
  return { url, body: method === 'GET' || method === 'DELETE' ? undefined : {} };
}
