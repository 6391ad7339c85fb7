import { newId } from '../../../core/ids.js';
import type { TestApp, Client } from '../../../../test/support/test-app.js';
import { DEMO_CITY_ID } from '../../../../test/support/demo-roles.js';

/** Test helpers for the items and workflow tests (not used by the app). */

/** Gives an existing demo account one more role (e.g. a second city reviewer for two-level review). */
export async function grantRole(t: TestApp, username: string, role: string, scope: { type: 'city' | 'region' | 'institution'; id: string; path: string }) {
  const db = t.app.database.db;
  const user = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  await db.insertInto('role_assignments').values({
    id: newId(), user_id: user.id, role, scope_type: scope.type, scope_id: scope.id, scope_path: scope.path, created_at: new Date().toISOString(),
  }).execute();
}

export async function cityScope(t: TestApp) {
  const row = await t.app.database.db.selectFrom('regions').select(['id', 'path']).where('id', '=', DEMO_CITY_ID).executeTakeFirstOrThrow();
  return { type: 'city' as const, id: row.id, path: row.path };
}

let serial = 0;
/** A valid official-document body for the `policies` category, with a unique document number. */
export function officialDraft(overrides: Record<string, unknown> = {}, official: Record<string, unknown> = {}) {
  serial += 1;
  return {
    categoryId: 'policies',
    title: `关于推进社区教育工作的通知（测试${serial}）`,
    summary: '部署本年度社区教育重点工作。',
    bodyHtml: '<p>各镇人民政府：</p><h2>一、总体要求</h2><p>坚持终身学习理念。</p>',
    official: {
      docType: 'notice', issuingOrgan: '市教育局', organCode: '000014349', docNumber: `青教发〔2023〕${serial + 100}号`,
      topic: '教育', writtenDate: '2023-04-20', addressees: '各镇人民政府', ...official,
    },
    ...overrides,
  };
}

export function articleDraft(overrides: Record<string, unknown> = {}) {
  serial += 1;
  return { categoryId: 'notices', title: `社区学习活动通知 ${serial}`, bodyHtml: '<p>本周六上午举办读书会。</p>', ...overrides };
}

/** Creates an item as `editor` and takes it through review, sign-off (by `signer`) to publication. */
export async function publishThroughWorkflow(c: { editor: Client; reviewers: Client[]; signer: Client }, body: Record<string, unknown>) {
  const created = await c.editor.post('/api/v1/content/items', body);
  if (created.status !== 201) throw new Error(`create: ${created.raw}`);
  const id = created.body.id as string;
  await expectOk(c.editor.post(`/api/v1/content/items/${id}/submit`, {}));
  const levels = created.body.categoryId === 'policies' ? 2 : 1;
  for (let i = 0; i < levels; i++) await expectOk(c.reviewers[i].post(`/api/v1/content/items/${id}/review`, {}));
  await expectOk(c.signer.post(`/api/v1/content/items/${id}/sign`, {}));
  return id;
}

async function expectOk(p: Promise<{ status: number; raw: string }>) {
  const res = await p;
  if (res.status !== 200) throw new Error(`${res.status}: ${res.raw}`);
  return res;
}
