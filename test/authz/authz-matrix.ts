/**
 * The authorization matrix (SECURITY.md AC1/AC2/AC6): every API route × every role → what the access layer
 * must answer. 'allow' means the request gets past authentication and authorization (the handler may still
 * answer 400/404/409 for the body or the target); 401 means "log in first"; 403 means "not with this role".
 *
 * authz-matrix.test.ts fails when a registered /api/ route is missing here or a row names a route that no
 * longer exists, so every new module must add its rows. The table is written by hand on purpose: it is the
 * expectation, not a copy of permissions.ts.
 */
import { CONTENT_ROWS } from './content-matrix.js';
import { NETWORK_ROWS } from './network-matrix.js';
import { NETWORK_IMPORT_ROWS } from './network-import-matrix.js';
import { SURVEY_ROWS } from './survey-matrix.js';
import { NETWORK_MEDIA_ROWS } from './network-media-matrix.js';
import { NOTIFICATIONS_ROWS } from './notifications-matrix.js';
import { LEARNING_ROWS } from './learning-matrix.js';
import { LOTTERY_ROWS } from './lottery-matrix.js';
import { ATTENDANCE_ROWS } from './attendance-matrix.js';
import { ONLINE_ROWS } from './online-matrix.js';
import { LEARNING_STATS_ROWS } from './learning-stats-matrix.js';
import { RECORD_ROWS } from './record-matrix.js';
import { CONSENT_ROWS } from './consent-matrix.js';

export type MatrixRole =
  | 'anonymous' | 'city_admin' | 'town_admin' | 'institution_admin' | 'teacher' | 'editor' | 'reviewer' | 'inspector'
  | 'auditor' | 'employer' | 'resident';
export type Outcome = 'allow' | 401 | 403;

export const MATRIX_ROLES: MatrixRole[] = [
  'anonymous', 'city_admin', 'town_admin', 'institution_admin', 'teacher', 'editor', 'reviewer', 'inspector', 'auditor',
  'employer', 'resident',
];
export interface Ids { teacher: string; victim: string; center1: string; /** ids that module setups create (see content-matrix.ts) */ extra: Record<string, string> }
export interface Call { url: string; body?: unknown; freshSession?: boolean }
export type MatrixRow = [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];

const A = 'allow' as const;

// Rows run in this order; `mfa/enable` comes before `mfa/setup` so that no account has a pending secret
// when a made-up code is sent (the answer is then always 400, never an accidental success).
// prettier-ignore
const CORE_ROWS: Record<string, MatrixRow> = {
  //                                        anon city town inst teach edit revw insp audit empl resid
  'GET /api/openapi.json':                  [A,   A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
  'POST /api/v1/auth/login':                [A,   A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
  'POST /api/v1/auth/login/mfa':            [A,   A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
  'POST /api/v1/auth/register':             [A,   A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
  'GET /api/v1/auth/me':                    [401, A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
  'POST /api/v1/auth/logout':               [401, A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
  'POST /api/v1/auth/password':             [401, A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
  'POST /api/v1/auth/mfa/enable':           [401, A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
  'POST /api/v1/auth/mfa/setup':            [401, A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
  'POST /api/v1/auth/mfa/disable':          [401, A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
  'POST /api/v1/auth/export':               [401, A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
  'GET /api/v1/auth/sessions':              [401, A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
  'DELETE /api/v1/auth/sessions/:id':       [401, A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
  'GET /api/v1/auth/profile':               [401, A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
  'PUT /api/v1/auth/profile':               [401, A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
  'GET /api/v1/regions':                    [A,   A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
  'GET /api/v1/institutions':               [A,   A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
  'GET /api/v1/users':                      [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'GET /api/v1/users/stats':                [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'POST /api/v1/users':                     [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'GET /api/v1/users/:id':                  [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'PATCH /api/v1/users/:id':                [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'PUT /api/v1/users/:id/roles':            [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'POST /api/v1/users/:id/disable':         [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'POST /api/v1/users/:id/enable':          [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'POST /api/v1/users/:id/reset-password':  [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'POST /api/v1/users/:id/reveal':          [401, A,   403, 403, 403,  403, 403, 403, 403,  403, 403],
  // Separation of duties (AC6): only the auditor reads the audit log, the city admin does not.
  'GET /api/v1/audit':                      [401, 403, 403, 403, 403,  403, 403, 403, A,    403, 403],
  'GET /api/v1/audit/verify':               [401, 403, 403, 403, 403,  403, 403, 403, A,    403, 403],
  'GET /api/v1/settings/security':          [401, A,   403, 403, 403,  403, 403, 403, 403,  403, 403],
  'PUT /api/v1/settings/security':          [401, A,   403, 403, 403,  403, 403, 403, 403,  403, 403],
  'GET /api/v1/portal/nav':                 [401, A,   403, 403, 403,  403, 403, 403, 403,  403, 403],
  'PUT /api/v1/portal/nav':                 [401, A,   403, 403, 403,  403, 403, 403, 403,  403, 403],
};

const ROWS: Record<string, MatrixRow> = { ...CORE_ROWS, ...CONTENT_ROWS, ...NETWORK_ROWS, ...NETWORK_IMPORT_ROWS, ...SURVEY_ROWS, ...NETWORK_MEDIA_ROWS, ...NOTIFICATIONS_ROWS, ...LEARNING_ROWS, ...LOTTERY_ROWS, ...ATTENDANCE_ROWS, ...ONLINE_ROWS, ...LEARNING_STATS_ROWS, ...RECORD_ROWS, ...CONSENT_ROWS };

export const AUTHZ_MATRIX: Record<string, Record<MatrixRole, Outcome>> = Object.fromEntries(
  Object.entries(ROWS).map(([route, outcomes]) => [route, Object.fromEntries(MATRIX_ROLES.map((r, i) => [r, outcomes[i]])) as Record<MatrixRole, Outcome>]),
);
