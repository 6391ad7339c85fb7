import type { Client, TestApp } from '../support/test-app.js';
import type { Call, Ids, MatrixRole, MatrixRow } from './authz-matrix.js';

/**
 * Attendance, completion and certificates: taking attendance = city, town, institution admins and teachers (the
 * handler narrows teachers to their own classes: another teacher gets 404); completion, assessments and certificates
 * = city, town, institution admins; one's own attendance and certificates = anyone signed in; verification = anyone.
 */
const A = 'allow' as const;

// prettier-ignore
export const ATTENDANCE_ROWS: Record<string, MatrixRow> = {
  //                                                  anon city town inst teach edit revw insp audit empl resid
  'GET /api/v1/learning/sessions/:id/attendance':     [401, A,   A,   A,   A,    403, 403, 403, 403,  403, 403],
  'PUT /api/v1/learning/sessions/:id/attendance':     [401, A,   A,   A,   A,    403, 403, 403, 403,  403, 403],
  'GET /api/v1/learning/classes/:id/attendance':      [401, A,   A,   A,   A,    403, 403, 403, 403,  403, 403],
  'GET /api/v1/learning/me/attendance':               [401, A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
  'POST /api/v1/learning/classes/:id/completion':     [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'PUT /api/v1/learning/classes/:id/assessments':     [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'GET /api/v1/learning/classes/:id/certificates':    [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'POST /api/v1/learning/certificates/:id/revoke':    [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'GET /api/v1/learning/me/certificates':             [401, A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
  'GET /api/v1/learning/certificates/verify/:code':   [A,   A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
};

/** A current-term session and class of the demo teacher (not ended: completion is 409) and a demo certificate. */
export async function attendanceSetup(t: TestApp, _clients: Record<MatrixRole, Client>): Promise<Record<string, string>> {
  const db = t.app.database.db as any;
  const teacher = await db.selectFrom('users').select('id').where('username', '=', 'teacher').executeTakeFirstOrThrow();
  const cls = await db.selectFrom('learning_classes').select('id').where('teacher_user_id', '=', teacher.id).where('status', '=', 'open')
    .orderBy('id').executeTakeFirstOrThrow();
  const session = await db.selectFrom('learning_class_sessions').select('id').where('class_id', '=', cls.id).orderBy('seq', 'desc').executeTakeFirstOrThrow();
  const cert = await db.selectFrom('learning_certificates').select('id').orderBy('id').executeTakeFirst();
  return { attendanceClass: cls.id, attendanceSession: session.id, attendanceCertificate: cert?.id ?? 'missing' };
}

/**
 * Reads name the demo rows; writes send `{}` (refused by the schema after authorization) or, for completion, a class
 * whose last session lies ahead (409): nothing changes. Verification asks for a code that does not exist (404).
 */
export function attendanceCall(route: string, _role: MatrixRole, ids: Ids): Call | undefined {
  if (!(route in ATTENDANCE_ROWS)) return undefined;
  const [method, path] = route.split(' ');
  const id = path.includes('/sessions/') ? ids.extra.attendanceSession : path.includes('/certificates/:id') ? ids.extra.attendanceCertificate : ids.extra.attendanceClass;
  const url = path.replace(':id', id ?? 'missing').replace(':code', '0000000000000000');
  return { url, body: method === 'GET' || route.endsWith('/completion') ? undefined : {} };
}
