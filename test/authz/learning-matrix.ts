import type { Client, TestApp } from '../support/test-app.js';
import type { Call, Ids, MatrixRole, MatrixRow } from './authz-matrix.js';

/**
 * The learning module's rows of the authorization matrix (see authz-matrix.ts for the meaning of each cell), the
 * fixtures its routes need, and how to call each route so an allowed role is not refused for its body. Each part of
 * the module adds its rows, setup and calls in its own block.
 */
const A = 'allow' as const;

// prettier-ignore
export const LEARNING_ROWS: Record<string, MatrixRow> = {
  //                                        anon city town inst teach edit revw insp audit empl resid
  // --- catalogue (L1a): read = city, town, inst, teacher (own classes), inspector; terms managed by the city;
  // courses and classes by city, town, inst (own) ---
  'GET /api/v1/learning/terms':                     [401, A,   A,   A,   A,    403, 403, A,   403,  403, 403],
  'GET /api/v1/learning/terms/:id':                 [401, A,   A,   A,   A,    403, 403, A,   403,  403, 403],
  'POST /api/v1/learning/terms':                    [401, A,   403, 403, 403,  403, 403, 403, 403,  403, 403],
  'PATCH /api/v1/learning/terms/:id':               [401, A,   403, 403, 403,  403, 403, 403, 403,  403, 403],
  'GET /api/v1/learning/teachers':                  [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'GET /api/v1/learning/courses':                   [401, A,   A,   A,   A,    403, 403, A,   403,  403, 403],
  'GET /api/v1/learning/courses/:id':               [401, A,   A,   A,   A,    403, 403, A,   403,  403, 403],
  'POST /api/v1/learning/courses':                  [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'PATCH /api/v1/learning/courses/:id':             [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'POST /api/v1/learning/courses/:id/publish':      [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'POST /api/v1/learning/courses/:id/archive':      [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'GET /api/v1/learning/classes':                   [401, A,   A,   A,   A,    403, 403, A,   403,  403, 403],
  'GET /api/v1/learning/classes/:id':               [401, A,   A,   A,   A,    403, 403, A,   403,  403, 403],
  'GET /api/v1/learning/classes/:id/sessions':      [401, A,   A,   A,   A,    403, 403, A,   403,  403, 403],
  'POST /api/v1/learning/classes':                  [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'PATCH /api/v1/learning/classes/:id':             [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'POST /api/v1/learning/classes/:id/open':         [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'POST /api/v1/learning/classes/:id/cancel':       [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  // --- end catalogue (L1a) ---
  // --- enrolment (L1b): residents enrol themselves (or an authorised relative), confirm and decline offers; 代办,
  // proxy links and counter work = city, town, inst; rosters = staff in scope and the class's teacher, inspector;
  // cancel and one's own record = anyone signed in (the handler narrows cancel to the resident, proxy or staff) ---
  'POST /api/v1/learning/classes/:id/enrolments':       [401, 403, 403, 403, 403,  403, 403, 403, 403,  403, A],
  'POST /api/v1/learning/classes/:id/enrolments/proxy': [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'GET /api/v1/learning/classes/:id/enrolments':        [401, A,   A,   A,   A,    403, 403, A,   403,  403, 403],
  'POST /api/v1/learning/enrolments/:id/cancel':        [401, A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
  'POST /api/v1/learning/enrolments/:id/confirm':       [401, 403, 403, 403, 403,  403, 403, 403, 403,  403, A],
  'POST /api/v1/learning/enrolments/:id/decline':       [401, 403, 403, 403, 403,  403, 403, 403, 403,  403, A],
  'GET /api/v1/learning/me/enrolments':                 [401, A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
  'GET /api/v1/learning/proxy-links':                   [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'POST /api/v1/learning/proxy-links':                  [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'POST /api/v1/learning/proxy-links/:id/revoke':       [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  // --- end enrolment (L1b) ---
};

/** Creates (or finds) what the learning routes act on (run once, before the matrix). Returns ids by name. */
export async function learningSetup(t: TestApp, _clients: Record<MatrixRole, Client>): Promise<Record<string, string>> {
  return { ...await catalogueSetup(t) };
}

/** The request for one learning route and role; undefined for routes of other modules or for the default call. */
export function learningCall(route: string, role: MatrixRole, ids: Ids): Call | undefined {
  if (!(route in LEARNING_ROWS)) return undefined;
  const catalogue = catalogueCall(route, role, ids);
  if (catalogue) return catalogue;
  return undefined;
}

// --- catalogue (L1a) ---
/** A seeded class taught by the demo teacher at the first town's center, its course and term: reads act on real records. */
async function catalogueSetup(t: TestApp): Promise<Record<string, string>> {
  const db = t.app.database.db as any;
  const teacher = await db.selectFrom('users').select('id').where('username', '=', 'teacher').executeTakeFirstOrThrow();
  const cls = await db.selectFrom('learning_classes').select(['id', 'course_id', 'term_id'])
    .where('teacher_user_id', '=', teacher.id).orderBy('id').executeTakeFirstOrThrow();
  return { learningClass: cls.id, learningCourse: cls.course_id, learningTerm: cls.term_id };
}

/**
 * Reads name the seeded class, course and term; writes keep the default `{}` body, which the schema refuses after
 * authorization (the state-changing POSTs on ':id' go to the default user id: 404), so the demo catalogue never changes.
 */
function catalogueCall(route: string, _role: MatrixRole, ids: Ids): Call | undefined {
  const [method, path] = route.split(' ');
  if (method !== 'GET') return undefined;
  if (path === '/api/v1/learning/teachers') return { url: `${path}?institutionId=${ids.center1}` };
  const id = path.startsWith('/api/v1/learning/classes/') ? ids.extra.learningClass
    : path.startsWith('/api/v1/learning/courses/') ? ids.extra.learningCourse
      : path.startsWith('/api/v1/learning/terms/') ? ids.extra.learningTerm : undefined;
  return id ? { url: path.replace(':id', id) } : undefined;
}
// --- end catalogue (L1a) ---

// --- enrolment (L1b) ---
// --- end enrolment (L1b) ---
