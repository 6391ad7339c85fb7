import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/support/test-app.js';
import { testDialects } from '../../../../test/support/databases.js';
import { centerOf, TOWN_IDS } from '../../../../test/support/demo-roles.js';
import { pngImage, type FormPart } from '../../../../test/support/upload-fixtures.js';
import { storedFiles, upload } from '../../../../test/support/upload-client.js';

const TABLES = ['network_institution_photos', 'content_files', 'audit_log'] as const;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe.each(testDialects())('institution photos on %s', (kind) => {
  let t: TestApp;
  let town: Client;
  let center1: string;
  const db = () => t.app.database.db as any;
  const counts = async () => Object.fromEntries(await Promise.all(TABLES.map(async (table) =>
    [table, Number((await db().selectFrom(table).select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)])));
  const file = (filename: string, content: Buffer): FormPart => ({ name: 'file', filename, content });
  const addPhoto = (client: Client, institutionId: string, parts: FormPart[]) => upload(t, client, `/api/v1/network/institutions/${institutionId}/photos`, parts);

  /** A refused upload: its status (and code), and not a row or a byte written. */
  async function expectRefused(send: () => Promise<{ status: number; body: any }>, status: number, code?: string) {
    const before = { rows: await counts(), files: storedFiles(t) };
    const res = await send();
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    if (code) expect(res.body.code).toBe(code);
    expect(await counts()).toEqual(before.rows);
    expect(storedFiles(t)).toEqual(before.files);
    return res;
  }

  /** A new base school in town 1 under its center, for tests that change it. */
  async function newSchool(name: string): Promise<{ id: string; version: number }> {
    const res = await town.post('/api/v1/network/institutions', { name, tier: 'base', kind: 'seniors_school', regionId: TOWN_IDS[0], parentCenterId: center1 });
    expect(res.status, res.raw).toBe(201);
    return res.body;
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    town = await t.login('town');
    center1 = (await centerOf(t, TOWN_IDS[0]!)).id;
  });
  afterAll(async () => { await t.close(); });

  it('adds a photo: listed, shown on the public page with its caption as alt text, served with the stored type', async () => {
    const image = pngImage(8, 6, [20, 120, 200]);
    const res = await addPhoto(town, center1, [file('门厅.png', image), { name: 'caption', value: '  中心门厅  ' }]);
    expect(res.status, res.raw).toBe(201);
    expect(res.body).toMatchObject({ caption: '中心门厅', mime: 'image/png', size: image.length, url: `/places/${center1}/photos/${res.body.id}` });

    const list = await town.get(`/api/v1/network/institutions/${center1}/photos`);
    expect(list.status).toBe(200);
    // The demo seeds one drawn illustration per center; the new photo comes after it.
    expect(list.body.items.map((p: any) => p.caption)).toEqual(['柳泉镇社区教育中心外景（示意图）', '中心门厅']);
    expect(list.body.items[1]).toEqual(res.body);
    expect(list.body.max).toBe(12);

    const page = await t.anonymous().request('GET', `/places/${center1}`, undefined, { accept: 'text/html' });
    expect(page.status).toBe(200);
    const img = page.raw.match(new RegExp(`<img src="${res.body.url}"[^>]*>`))?.[0];
    expect(img, 'the photo on the public page').toBeDefined();
    expect(img).toContain('alt="中心门厅"');
    expect(img).toContain('loading="lazy"');

    const served = await t.app.inject({ method: 'GET', url: res.body.url });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['cache-control']).toBe('public, max-age=600');
    expect(served.rawPayload.equals(image)).toBe(true);
    const again = await t.app.inject({ method: 'GET', url: res.body.url, headers: { 'if-none-match': String(served.headers.etag) } });
    expect(again.statusCode).toBe(304);

    const audit = await db().selectFrom('audit_log').selectAll().where('action', '=', 'network.photo.add').where('target_id', '=', center1).execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses a file that is not an image, a renamed one, a long caption and an empty form; nothing is written', async () => {
    await expectRefused(() => addPhoto(town, center1, [file('章程.pdf', PDF)]), 400, 'network.photo.image_required');
    await expectRefused(() => addPhoto(town, center1, [file('假照片.png', PDF)]), 400, 'network.photo.image_required');
    const long = await expectRefused(() => addPhoto(town, center1, [file('a.png', pngImage()), { name: 'caption', value: '长'.repeat(101) }]), 400);
    expect(long.body.errors[0].field).toBe('caption');
    await expectRefused(() => addPhoto(town, center1, [{ name: 'caption', value: '没有文件' }]), 400);
  });

  it('scope: another town\'s admin gets 404, an inspector 403, the institution admin only their own institution', async () => {
    const [town02, inspector, staff] = await Promise.all(['town02', 'inspector', 'staff'].map((u) => t.login(u)));
    await expectRefused(() => addPhoto(town02, center1, [file('a.png', pngImage())]), 404, 'network.institution.not_found');
    await expectRefused(() => addPhoto(inspector, center1, [file('a.png', pngImage())]), 403);
    const center2 = (await centerOf(t, TOWN_IDS[1]!)).id;
    await expectRefused(() => addPhoto(staff, center2, [file('a.png', pngImage())]), 404);
    expect((await town02.get(`/api/v1/network/institutions/${center1}/photos`)).status).toBe(404);
    expect((await inspector.get(`/api/v1/network/institutions/${center1}/photos`)).status).toBe(200);

    const own = await addPhoto(staff, center1, [file('教室.png', pngImage())]);
    expect(own.status, own.raw).toBe(201);
    expect((await town02.delete(`/api/v1/network/institutions/${center1}/photos/${own.body.id}`)).status).toBe(404);
    expect((await inspector.delete(`/api/v1/network/institutions/${center1}/photos/${own.body.id}`)).status).toBe(403);
    // The photo id must belong to the institution in the URL.
    expect((await town02.delete(`/api/v1/network/institutions/${center2}/photos/${own.body.id}`)).status).toBe(404);
  });

  it('at most 12 photos, also when many uploads arrive at once', async () => {
    const school = await newSchool('柳泉镇照片测试老年学校');
    const results = await Promise.all(Array.from({ length: 16 }, (_, i) => addPhoto(town, school.id, [file(`p${i}.png`, pngImage(2, 2, [i * 10, 0, 0]))])));
    expect(results.filter((r) => r.status === 201)).toHaveLength(12);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused.map((r) => `${r.status} ${r.body.code}`)).toEqual(Array(4).fill('400 network.photo.limit'));
    const list = await town.get(`/api/v1/network/institutions/${school.id}/photos`);
    expect(list.body.items).toHaveLength(12);
    expect(new Set(list.body.items.map((p: any) => p.sort)).size).toBe(12);
    const rows = await db().selectFrom('content_files').select('id').where('owner_path', 'like', `%/${school.id}/`).execute();
    expect(rows).toHaveLength(12);
  });

  it('deleting a photo removes its file row and bytes, and the public page and URL forget it', async () => {
    const school = await newSchool('柳泉镇删除照片测试学校');
    const res = await addPhoto(town, school.id, [file('旧照.png', pngImage(3, 3))]);
    expect(res.status, res.raw).toBe(201);
    const anonymous = t.anonymous();
    const before = await anonymous.request('GET', `/places/${school.id}`, undefined, { accept: 'text/html' });
    expect(before.raw).toContain(res.body.url);
    const fileRow = await db().selectFrom('content_files').selectAll().where('owner_path', 'like', `%/${school.id}/`).executeTakeFirstOrThrow();
    const filesBefore = storedFiles(t);
    expect(filesBefore.some((p) => p.endsWith(fileRow.storage_key))).toBe(true);

    expect((await town.delete(`/api/v1/network/institutions/${school.id}/photos/${res.body.id}`)).status).toBe(204);
    expect(await db().selectFrom('content_files').select('id').where('id', '=', fileRow.id).executeTakeFirst()).toBeUndefined();
    expect(storedFiles(t).some((p) => p.endsWith(fileRow.storage_key))).toBe(false);
    expect((await t.app.inject({ method: 'GET', url: res.body.url })).statusCode).toBe(404);
    const after = await anonymous.request('GET', `/places/${school.id}`, undefined, { accept: 'text/html' });
    expect(after.status).toBe(200);
    expect(after.raw).not.toContain(res.body.url);
    expect((await town.delete(`/api/v1/network/institutions/${school.id}/photos/${res.body.id}`)).status).toBe(404);
    const audit = await db().selectFrom('audit_log').selectAll().where('action', '=', 'network.photo.remove').where('target_id', '=', school.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].before_json).toContain(fileRow.sha256);
  });

  it('a retired institution\'s photos are 404 to the public; staff who read it still see them', async () => {
    const school = await newSchool('柳泉镇撤销照片测试学校');
    const res = await addPhoto(town, school.id, [file('a.png', pngImage())]);
    expect(res.status, res.raw).toBe(201);
    expect((await t.app.inject({ method: 'GET', url: res.body.url })).statusCode).toBe(200);
    expect((await town.post(`/api/v1/network/institutions/${school.id}/retire`, { version: school.version })).status).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: res.body.url })).statusCode).toBe(404);
    const town02 = await t.login('town02');
    expect((await town02.request('GET', res.body.url)).status).toBe(404);
    const staffView = await town.request('GET', res.body.url);
    expect(staffView.status).toBe(200);
    expect(staffView.headers['cache-control']).toBe('private, no-cache');
    // Another institution's id in the URL does not reach the photo.
    expect((await t.app.inject({ method: 'GET', url: `/places/${center1}/photos/${res.body.id}` })).statusCode).toBe(404);
  });

  it('deleting an institution takes its photos, their file rows and bytes with it', async () => {
    const school = await newSchool('柳泉镇误录学校');
    const photo = await addPhoto(town, school.id, [file('a.png', pngImage())]);
    expect(photo.status, photo.raw).toBe(201);
    const fileRow = await db().selectFrom('content_files').selectAll().where('owner_path', 'like', `%/${school.id}/`).executeTakeFirstOrThrow();
    const res = await town.delete(`/api/v1/network/institutions/${school.id}`);
    expect(res.status, res.raw).toBe(204);
    expect(await db().selectFrom('network_institution_photos').select('id').where('institution_id', '=', school.id).execute()).toEqual([]);
    expect(await db().selectFrom('content_files').select('id').where('id', '=', fileRow.id).executeTakeFirst()).toBeUndefined();
    expect(storedFiles(t).some((p) => p.endsWith(fileRow.storage_key))).toBe(false);
  });
});
