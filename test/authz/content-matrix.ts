import type { Client, TestApp } from '../support/test-app.js';
import type { Call, Ids, MatrixRole, MatrixRow } from './authz-matrix.js';

/**
 * The content module's rows of the authorization matrix (see authz-matrix.ts for the meaning of each cell),
 * the fixtures its routes need, and how to call each route so an allowed role is not refused for its body.
 */
const A = 'allow' as const;

// prettier-ignore
export const CONTENT_ROWS: Record<string, MatrixRow> = {
  //                                        anon city town inst teach edit revw insp audit empl resid
  // --- search (H3): the search is public; the dictionary is the city admin's ---
  'GET /api/v1/search':                     [A,   A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
  'GET /api/v1/content/dictionary':         [401, A,   403, 403, 403,  403, 403, 403, 403,  403, 403],
  'POST /api/v1/content/dictionary':        [401, A,   403, 403, 403,  403, 403, 403, 403,  403, 403],
  'DELETE /api/v1/content/dictionary/:word': [401, A,  403, 403, 403,  403, 403, 403, 403,  403, 403],
  // --- end search ---
  // --- categories, items, workflow (H1): readers of items see the tree, the city admin edits it; writers draft,
  // reviewers review, admins of the scope sign, writers and admins publish. Reject admits every reader of items:
  // the workflow rule decides between reviewer and signer per item (an outsider gets 403 content.workflow.*).
  'GET /api/v1/content/categories':         [401, A,   A,   A,   403,  A,   A,   403, 403,  403, 403],
  'POST /api/v1/content/categories':        [401, A,   403, 403, 403,  403, 403, 403, 403,  403, 403],
  'PATCH /api/v1/content/categories/:id':   [401, A,   403, 403, 403,  403, 403, 403, 403,  403, 403],
  'DELETE /api/v1/content/categories/:id':  [401, A,   403, 403, 403,  403, 403, 403, 403,  403, 403],
  'GET /api/v1/content/items':              [401, A,   A,   A,   403,  A,   A,   403, 403,  403, 403],
  'POST /api/v1/content/items':             [401, A,   A,   A,   403,  A,   403, 403, 403,  403, 403],
  'GET /api/v1/content/items/:id':          [401, A,   A,   A,   403,  A,   A,   403, 403,  403, 403],
  'PATCH /api/v1/content/items/:id':        [401, A,   A,   A,   403,  A,   403, 403, 403,  403, 403],
  'GET /api/v1/content/items/:id/revisions': [401, A,  A,   A,   403,  A,   A,   403, 403,  403, 403],
  'GET /api/v1/content/items/:id/diff':     [401, A,   A,   A,   403,  A,   A,   403, 403,  403, 403],
  'POST /api/v1/content/items/:id/submit':  [401, A,   A,   A,   403,  A,   403, 403, 403,  403, 403],
  'POST /api/v1/content/items/:id/review':  [401, 403, 403, 403, 403,  403, A,   403, 403,  403, 403],
  'POST /api/v1/content/items/:id/reject':  [401, A,   A,   A,   403,  A,   A,   403, 403,  403, 403],
  'POST /api/v1/content/items/:id/sign':    [401, A,   A,   A,   403,  403, 403, 403, 403,  403, 403],
  'POST /api/v1/content/items/:id/publish': [401, A,   A,   A,   403,  A,   403, 403, 403,  403, 403],
  'POST /api/v1/content/items/:id/withdraw': [401, A,  A,   A,   403,  A,   403, 403, 403,  403, 403],
  'POST /api/v1/content/items/:id/archive': [401, A,   A,   A,   403,  A,   403, 403, 403,  403, 403],
  // --- end categories, items, workflow ---
  // --- job postings (H5): staff of a scope and partner employers manage postings in their scope ---
  'GET /api/v1/content/jobs':               [401, A,   A,   A,   403,  A,   403, 403, 403,  A,   403],
  'POST /api/v1/content/jobs':              [401, A,   A,   A,   403,  A,   403, 403, 403,  A,   403],
  'GET /api/v1/content/jobs/:id':           [401, A,   A,   A,   403,  A,   403, 403, 403,  A,   403],
  'PATCH /api/v1/content/jobs/:id':         [401, A,   A,   A,   403,  A,   403, 403, 403,  A,   403],
  'POST /api/v1/content/jobs/:id/publish':  [401, A,   A,   A,   403,  A,   403, 403, 403,  A,   403],
  'POST /api/v1/content/jobs/:id/withdraw': [401, A,   A,   A,   403,  A,   403, 403, 403,  A,   403],
  // --- end job postings ---
  // --- files, attachments, import (H2): writers of items attach files to drafts and import documents ---
  'POST /api/v1/content/items/:id/attachments': [401, A, A,   A,   403,  A,   403, 403, 403,  403, 403],
  'DELETE /api/v1/content/items/:id/attachments/:attachmentId': [401, A, A, A, 403, A, 403, 403, 403, 403, 403],
  'POST /api/v1/content/import/text':       [401, A,   A,   A,   403,  A,   403, 403, 403,  403, 403],
  'POST /api/v1/content/import/docx':       [401, A,   A,   A,   403,  A,   403, 403, 403,  403, 403],
  // --- end files, attachments, import ---
};

/** Creates what the content routes act on (run once, before the matrix). Returns ids by name. */
export async function contentSetup(_t: TestApp, clients: Record<MatrixRole, Client>): Promise<Record<string, string>> {
  return { ...await itemsSetup(clients), ...await jobsSetup(clients) };
}

/** The request for one content route and role; undefined for routes of other modules. */
export function contentCall(route: string, role: MatrixRole, ids: Ids): Call | undefined {
  if (!(route in CONTENT_ROWS)) return undefined;
  return itemsCall(route, role, ids) ?? jobsCall(route, role, ids) ?? importCall(route, role, ids);
}

// --- categories, items, workflow (H1) ---
/** A category and a city draft (by the editor) for the routes with :id. */
async function itemsSetup(clients: Record<MatrixRole, Client>): Promise<Record<string, string>> {
  const category = await clients.city_admin.post('/api/v1/content/categories', { slug: 'matrix-category', nameZh: '矩阵栏目', itemKind: 'article' });
  const item = await clients.editor.post('/api/v1/content/items', { categoryId: 'notices', title: '矩阵测试稿件', bodyHtml: '<p>正文</p>' });
  if (category.status !== 201 || item.status !== 201) throw new Error(`content matrix setup: ${category.raw} ${item.raw}`);
  return { categoryId: category.body.id, itemId: item.body.id };
}

/**
 * Reads and saves act on the real draft (out of scope → 404, still past authorization). Workflow steps go to
 * an id that does not exist, so the answer is 404 for every admitted role whatever the rows' order leaves the
 * draft in; the steps' own rules are tested in workflow.db.test.ts. Deletes go to a missing category.
 */
function itemsCall(route: string, role: MatrixRole, ids: Ids): Call | undefined {
  const [method, path] = route.split(' ');
  const item = ids.extra.itemId;
  const slugRole = role.replace(/_/g, '-');
  const calls: Record<string, Call> = {
    'POST /api/v1/content/categories': { url: path, body: { slug: `matrix-${slugRole}`, nameZh: '矩阵新栏目', itemKind: 'article' } },
    'PATCH /api/v1/content/categories/:id': { url: path.replace(':id', ids.extra.categoryId), body: { nameZh: '矩阵栏目（改）' } },
    'DELETE /api/v1/content/categories/:id': { url: path.replace(':id', 'matrix-missing-category') },
    'GET /api/v1/content/items': { url: `${path}?pageSize=5` },
    'POST /api/v1/content/items': { url: path, body: { categoryId: 'notices', title: `矩阵稿件 ${role}` } },
    'GET /api/v1/content/items/:id': { url: path.replace(':id', item) },
    'PATCH /api/v1/content/items/:id': { url: path.replace(':id', item), body: { title: '矩阵测试稿件（改）' } },
    'GET /api/v1/content/items/:id/revisions': { url: path.replace(':id', item) },
    'GET /api/v1/content/items/:id/diff': { url: `${path.replace(':id', item)}?from=1&to=1` },
    'POST /api/v1/content/items/:id/reject': { url: path.replace(':id', 'matrix-missing-item'), body: { comment: '矩阵' } },
  };
  if (calls[route]) return calls[route];
  if (method === 'POST' && path.startsWith('/api/v1/content/items/:id/')) return { url: path.replace(':id', 'matrix-missing-item'), body: {} };
  return undefined;
}
// --- end categories, items, workflow ---
// --- job postings (H5) ---
const MATRIX_JOB = {
  employerName: '矩阵测试单位', position: '矩阵岗位', headcount: 1, regionId: '329901101201', requirements: '<p>矩阵</p>',
  contact: '0519-86000000', validUntil: '2099-12-31',
};

/** A city editor's draft posting for the routes with :id (out of scope for the others: 404, past authorization). */
async function jobsSetup(clients: Record<MatrixRole, Client>): Promise<Record<string, string>> {
  const job = await clients.editor.post('/api/v1/content/jobs', MATRIX_JOB);
  if (job.status !== 201) throw new Error(`content matrix jobs setup: ${job.raw}`);
  return { jobId: job.body.id };
}

/** Reads and saves act on the real draft; publish and withdraw go to a missing id (404 for every admitted role). */
function jobsCall(route: string, role: MatrixRole, ids: Ids): Call | undefined {
  const [, path] = route.split(' ');
  const calls: Record<string, Call> = {
    'GET /api/v1/content/jobs': { url: `${path}?pageSize=5` },
    'POST /api/v1/content/jobs': { url: path, body: { ...MATRIX_JOB, position: `矩阵岗位 ${role}` } },
    'GET /api/v1/content/jobs/:id': { url: path.replace(':id', ids.extra.jobId) },
    'PATCH /api/v1/content/jobs/:id': { url: path.replace(':id', ids.extra.jobId), body: { headcount: 2 } },
    'POST /api/v1/content/jobs/:id/publish': { url: path.replace(':id', 'matrix-missing-job'), body: {} },
    'POST /api/v1/content/jobs/:id/withdraw': { url: path.replace(':id', 'matrix-missing-job'), body: {} },
  };
  return calls[route];
}
// --- end job postings ---
// --- files, attachments, import (H2) ---
/**
 * A text import makes a real draft in each admitted role's own scope (201). The multipart routes get the
 * harness's JSON body: 415 (or 404 for a missing item), after authorization. Deletes go to a missing item.
 */
function importCall(route: string, role: MatrixRole, _ids: Ids): Call | undefined {
  const [, path] = route.split(' ');
  const calls: Record<string, Call> = {
    'POST /api/v1/content/import/text': { url: path, body: { text: `矩阵导入 ${role}\n正文第一段。`, categoryId: 'notices' } },
    'DELETE /api/v1/content/items/:id/attachments/:attachmentId': { url: '/api/v1/content/items/matrix-missing-item/attachments/matrix-missing' },
  };
  return calls[route];
}
// --- end files, attachments, import ---
void A;
