import type { Client, TestApp } from '../support/test-app.js';
import type { Call, Ids, MatrixRole, MatrixRow } from './authz-matrix.js';

/**
 * Online courses' rows of the authorization matrix: writing courses and lessons = city, town and institution
 * admins (learning.online.manage, each in their scope); reporting progress and reading one's own courses =
 * anyone signed in.
 */
const A = 'allow' as const;

// prettier-ignore
export const ONLINE_ROWS: Record<string, MatrixRow> = {
  //                                                       anon city town inst teach edit revw insp audit empl resid
  'GET /api/v1/learning/online/courses':                  [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'POST /api/v1/learning/online/courses':                 [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'GET /api/v1/learning/online/courses/:id':              [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'PATCH /api/v1/learning/online/courses/:id':            [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'POST /api/v1/learning/online/courses/:id/publish':     [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'POST /api/v1/learning/online/courses/:id/unpublish':   [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'POST /api/v1/learning/online/courses/:id/lessons':     [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'PUT /api/v1/learning/online/courses/:id/lesson-order': [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'PATCH /api/v1/learning/online/lessons/:id':            [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'DELETE /api/v1/learning/online/lessons/:id':           [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'POST /api/v1/learning/online/lessons/:id/file':        [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'POST /api/v1/learning/online/lessons/:id/progress':    [401, A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
  'GET /api/v1/learning/online/me':                       [401, A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
};

/** A published demo course of the first town's center and its first lesson: real ids in everyone's reach or not. */
export async function onlineSetup(t: TestApp, _clients: Record<MatrixRole, Client>): Promise<Record<string, string>> {
  const db = t.app.database.db as any;
  const lesson = await db.selectFrom('learning_online_lessons as l').innerJoin('learning_online_courses as o', 'o.course_id', 'l.course_id')
    .innerJoin('learning_courses as c', 'c.id', 'l.course_id').select(['l.id', 'l.course_id'])
    .where('o.status', '=', 'published').where('c.title', '=', '智能手机入门').orderBy('l.seq').executeTakeFirstOrThrow();
  return { onlineCourse: lesson.course_id, onlineLesson: lesson.id };
}

/**
 * Writes change nothing: bodies are `{}` (refused by the schema after authorization), the file upload is not
 * multipart (415), the lesson is in a published course (DELETE is 409 in scope, 404 outside), and progress sends a
 * negative position (400).
 */
export function onlineCall(route: string, _role: MatrixRole, ids: Ids): Call | undefined {
  if (!(route in ONLINE_ROWS)) return undefined;
  const [method, path] = route.split(' ') as [string, string];
  const url = path.replace('/courses/:id', `/courses/${ids.extra.onlineCourse ?? 'missing'}`)
    .replace('/lessons/:id', `/lessons/${ids.extra.onlineLesson ?? 'missing'}`);
  if (method === 'GET' || method === 'DELETE') return { url };
  if (route.endsWith('/progress')) return { url, body: { position: -1 } };
  return { url, body: {} };
}
