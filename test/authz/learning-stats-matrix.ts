import type { Client, TestApp } from '../support/test-app.js';
import type { Call, Ids, MatrixRole, MatrixRow } from './authz-matrix.js';

/**
 * The learning dashboard's rows: statistics for city, town and institution admins and inspectors (each over their
 * scope; teachers are left out); a class roster as .xlsx for the same readers as the JSON roster, teachers of the
 * class included.
 */
const A = 'allow' as const;

// prettier-ignore
export const LEARNING_STATS_ROWS: Record<string, MatrixRow> = {
  //                                                   anon city town inst teach edit revw insp audit empl resid
  'GET /api/v1/learning/stats':                        [401, A,   A,   A,   403,  403, 403, A,   403,  403, 403],
  'GET /api/v1/learning/stats.xlsx':                   [401, A,   A,   A,   403,  403, 403, A,   403,  403, 403],
  'GET /api/v1/learning/classes/:id/roster.xlsx':      [401, A,   A,   A,   A,    403, 403, A,   403,  403, 403],
};

/** A seeded class the demo teacher teaches at the first town's center: every allowed role may read its roster. */
export async function learningStatsSetup(t: TestApp, _clients: Record<MatrixRole, Client>): Promise<Record<string, string>> {
  const db = t.app.database.db as any;
  const teacher = await db.selectFrom('users').select('id').where('username', '=', 'teacher').executeTakeFirstOrThrow();
  const cls = await db.selectFrom('learning_classes').select('id').where('teacher_user_id', '=', teacher.id).orderBy('id').executeTakeFirstOrThrow();
  return { statsClass: cls.id };
}

export function learningStatsCall(route: string, _role: MatrixRole, ids: Ids): Call | undefined {
  if (!(route in LEARNING_STATS_ROWS)) return undefined;
  const path = route.split(' ')[1]!;
  return { url: path.replace(':id', ids.extra.statsClass ?? 'missing') };
}
