import type { MatrixRow } from './authz-matrix.js';

/**
 * Consent rows of the authorization matrix (see authz-matrix.ts): the privacy notice is public; everyone signed in
 * reads and manages only their own consents (scope = self, no ids in the URL). The default calls suffice: `{}` to
 * accept gets a 400 and a withdrawal without a consent in force a 409, both past authorization.
 */
const A = 'allow' as const;

// prettier-ignore
export const CONSENT_ROWS: Record<string, MatrixRow> = {
  //                                                anon city town inst teach edit revw insp audit empl resid
  'GET /api/v1/privacy/notice':                     [A,   A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
  'GET /api/v1/auth/consents':                      [401, A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
  'POST /api/v1/auth/consents/notice':              [401, A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
  'POST /api/v1/auth/consents/sensitive-pi/withdraw': [401, A, A,   A,   A,    A,   A,   A,   A,    A,   A],
};
