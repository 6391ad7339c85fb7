import type { Client, TestApp } from '../support/test-app.js';
import type { Call, Ids, MatrixRole, MatrixRow } from './authz-matrix.js';

/**
 * The network module's rows of the authorization matrix (see authz-matrix.ts for the meaning of each cell),
 * the fixtures its routes need, and how to call each route so an allowed role is not refused for its body.
 * Each part of the module adds its rows in its own block.
 */
const A = 'allow' as const;

// prettier-ignore
export const NETWORK_ROWS: Record<string, MatrixRow> = {
  //                                        anon city town inst teach edit revw insp audit empl resid
  // --- institutions and accreditation (N1): read = city, town, inst (own), inspector; create/retire/delete = city, town;
  // update = city, town, inst (own, descriptive fields); accreditation is the city's ---
  'GET /api/v1/network/institutions':                   [401, A,   A,   A,   403,  403, 403, A,   403,  403, 403],
  'GET /api/v1/network/institutions/:id':               [401, A,   A,   A,   403,  403, 403, A,   403,  403, 403],
  'POST /api/v1/network/institutions':                  [401, A,   A,   403, 403,  403, 403, 403, 403,  403, 403],
  'PATCH /api/v1/network/institutions/:id':             [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'POST /api/v1/network/institutions/:id/retire':       [401, A,   A,   403, 403,  403, 403, 403, 403,  403, 403],
  'DELETE /api/v1/network/institutions/:id':            [401, A,   A,   403, 403,  403, 403, 403, 403,  403, 403],
  'GET /api/v1/network/accreditation/levels':           [401, A,   A,   A,   403,  403, 403, A,   403,  403, 403],
  'PATCH /api/v1/network/accreditation/levels/:id':     [401, A,   403, 403, 403,  403, 403, 403, 403,  403, 403],
  'GET /api/v1/network/accreditation/summary':          [401, A,   A,   A,   403,  403, 403, A,   403,  403, 403],
  'GET /api/v1/network/institutions/:id/accreditation': [401, A,   A,   A,   403,  403, 403, A,   403,  403, 403],
  'PUT /api/v1/network/institutions/:id/accreditation': [401, A,   403, 403, 403,  403, 403, 403, 403,  403, 403],
  // --- end institutions and accreditation (N1) ---
  // --- partners and committee (N3): read = city, town, inst (linked partners), inspector; manage = city, town ---
  'GET /api/v1/network/partners':                       [401, A,   A,   A,   403,  403, 403, A,   403,  403, 403],
  'GET /api/v1/network/partners/:id':                   [401, A,   A,   A,   403,  403, 403, A,   403,  403, 403],
  'POST /api/v1/network/partners':                      [401, A,   A,   403, 403,  403, 403, 403, 403,  403, 403],
  'PATCH /api/v1/network/partners/:id':                 [401, A,   A,   403, 403,  403, 403, 403, 403,  403, 403],
  'DELETE /api/v1/network/partners/:id':                [401, A,   A,   403, 403,  403, 403, 403, 403,  403, 403],
  'POST /api/v1/network/partners/:id/contributions':    [401, A,   A,   403, 403,  403, 403, 403, 403,  403, 403],
  'DELETE /api/v1/network/partners/:id/contributions/:subId': [401, A, A, 403, 403, 403, 403, 403, 403,  403, 403],
  'POST /api/v1/network/partners/:id/agreements':       [401, A,   A,   403, 403,  403, 403, 403, 403,  403, 403],
  'DELETE /api/v1/network/partners/:id/agreements/:subId': [401, A,  A,   403, 403,  403, 403, 403, 403,  403, 403],
  'PUT /api/v1/network/partners/:id/institutions':      [401, A,   A,   403, 403,  403, 403, 403, 403,  403, 403],
  'GET /api/v1/network/committees/:townId/members':     [401, A,   A,   A,   403,  403, 403, A,   403,  403, 403],
  'PUT /api/v1/network/committees/:townId/members':     [401, A,   A,   403, 403,  403, 403, 403, 403,  403, 403],
  // --- end partners and committee (N3) ---
  // --- people (N2): staff and teachers; readers of staff see them in scope, admins of the scope manage them,
  // only the city admin reveals a full ID number; everyone signed in may reveal their own records (reveal-own).
  'GET /api/v1/network/people':             [401, A,   A,   A,   403,  403, 403, A,   403,  403, 403],
  'POST /api/v1/network/people/reveal-own': [401, A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
  'GET /api/v1/network/people/:id':         [401, A,   A,   A,   403,  403, 403, A,   403,  403, 403],
  'POST /api/v1/network/people':            [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'PATCH /api/v1/network/people/:id':       [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'POST /api/v1/network/people/:id/leave':  [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'POST /api/v1/network/people/:id/reveal': [401, A,   403, 403, 403,  403, 403, 403, 403,  403, 403],
  // --- end people (N2) ---
  // --- standards and gaps (N4): read = city, town, inst (own), inspector; new standard versions = city;
  // indicator values recorded by city, town, inst (own) ---
  'GET /api/v1/network/indicators':                     [401, A,   A,   A,   403,  403, 403, A,   403,  403, 403],
  'GET /api/v1/network/standards':                      [401, A,   A,   A,   403,  403, 403, A,   403,  403, 403],
  'GET /api/v1/network/standards/:id':                  [401, A,   A,   A,   403,  403, 403, A,   403,  403, 403],
  'POST /api/v1/network/standards':                     [401, A,   403, 403, 403,  403, 403, 403, 403,  403, 403],
  'GET /api/v1/network/institutions/:id/indicators':    [401, A,   A,   A,   403,  403, 403, A,   403,  403, 403],
  'PUT /api/v1/network/institutions/:id/indicators':    [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'GET /api/v1/network/institutions/:id/gaps':          [401, A,   A,   A,   403,  403, 403, A,   403,  403, 403],
  'GET /api/v1/network/gap-matrix':                     [401, A,   A,   A,   403,  403, 403, A,   403,  403, 403],
  // --- end standards and gaps (N4) ---
};

/** Creates what the network routes act on (run once, before the matrix). Returns ids by name. */
export async function networkSetup(t: TestApp, _clients: Record<MatrixRole, Client>): Promise<Record<string, string>> {
  return { ...await peopleSetup(t) };
}

/** The request for one network route and role; undefined for routes of other modules or for the default call. */
export function networkCall(route: string, _role: MatrixRole, ids: Ids): Call | undefined {
  if (!(route in NETWORK_ROWS)) return undefined;
  const partner = partnerCall(route);
  if (partner) return partner;
  const people = peopleCall(route, ids);
  if (people) return people;
  const standards = standardsCall(route, ids);
  if (standards) return standards;
  const institution = institutionCall(route, ids);
  if (institution) return institution;
  return undefined;
}

// --- people (N2) ---
/** A seeded staff member of the first town's center: reads and the reveal act on a real record. */
async function peopleSetup(t: TestApp): Promise<Record<string, string>> {
  const db = t.app.database.db as any;
  const person = await db.selectFrom('network_people as p').innerJoin('institutions as i', 'i.id', 'p.institution_id')
    .select('p.id').where('i.kind', '=', 'community_education_center').where('i.path', 'like', '/329901000000/329901101000/%')
    .where('p.id_number_enc', 'is not', null).orderBy('p.created_at').executeTakeFirstOrThrow();
  return { person: person.id };
}

/** Reads and the reveal use the seeded person; writes keep the default `{}` (refused for the missing version, after authorization). */
function peopleCall(route: string, ids: Ids): Call | undefined {
  const person = ids.extra.person;
  if (route === 'GET /api/v1/network/people') return { url: `/api/v1/network/people?townId=329901101000&pageSize=5` };
  if (route === 'GET /api/v1/network/people/:id') return { url: `/api/v1/network/people/${person}` };
  if (route === 'POST /api/v1/network/people/:id/reveal') return { url: `/api/v1/network/people/${person}/reveal`, body: {} };
  if (route === 'PATCH /api/v1/network/people/:id') return { url: `/api/v1/network/people/${person}`, body: {} };
  if (route === 'POST /api/v1/network/people/:id/leave') return { url: `/api/v1/network/people/${person}/leave`, body: {} };
  return undefined;
}
// --- end people (N2) ---

/**
 * Partners (N3): the committee routes name town 1 (the default call would send ':townId' literally); the PUT's empty
 * body is refused by the schema after authorization, so the demo committee is left as it was. The other partner
 * routes use the default call: an unknown id answers 404 after authorization.
 */
function partnerCall(route: string): Call | undefined {
  const [method, path] = route.split(' ');
  if (!path.startsWith('/api/v1/network/committees/')) return undefined;
  return { url: path.replace(':townId', '329901101000'), body: method === 'GET' ? undefined : {} };
}

// --- institutions and accreditation (N1) ---
/**
 * Reads name the first town's center so an allowed role reads a real record (the default ':id' is a user id: 404).
 * Writes keep the default call: `{}` fails the schema after authorization, and DELETE with a user id answers 404,
 * so the matrix never changes the demo network.
 */
function institutionCall(route: string, ids: Ids): Call | undefined {
  const [method, path] = route.split(' ');
  if (method !== 'GET' || !path.startsWith('/api/v1/network/institutions/:id')) return undefined;
  return { url: path.replace(':id', ids.center1) };
}
// --- end institutions and accreditation (N1) ---

// --- standards and gaps (N4) ---
/**
 * The institution's indicator values and gap report are read on the first town's center (the default ':id' is a user
 * id: 404). Writes keep the default call: `{}` fails the schema after authorization, so no value or standard changes.
 */
function standardsCall(route: string, ids: Ids): Call | undefined {
  if (route === 'GET /api/v1/network/institutions/:id/indicators' || route === 'GET /api/v1/network/institutions/:id/gaps') {
    return { url: route.split(' ')[1]!.replace(':id', ids.center1) };
  }
  return undefined;
}
// --- end standards and gaps (N4) ---
