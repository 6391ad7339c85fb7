import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/support/test-app.js';
import { testDialects } from '../../../../test/support/databases.js';
import { centerOf, TOWN_IDS } from '../../../../test/support/demo-roles.js';
import { pngImage, type FormPart } from '../../../../test/support/upload-fixtures.js';
import { storedFiles, upload } from '../../../../test/support/upload-client.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

describe.each(testDialects())('evidence files of indicator values on %s', (kind) => {
  let t: TestApp;
  let staff: Client;
  let town02: Client;
  let center1: string;
  let center2: string;
  const db = () => t.app.database.db as any;
  const file = (filename: string, content: Buffer): FormPart => ({ name: 'file', filename, content });
  const addEvidence = (client: Client, institutionId: string, parts: FormPart[]) =>
    upload(t, client, `/api/v1/network/institutions/${institutionId}/evidence`, parts);
  const rowCount = async (table: string) => Number((await db().selectFrom(table).select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const valueOf = async (client: Client, institutionId: string, code: string) =>
    (await client.get(`/api/v1/network/institutions/${institutionId}/indicators`)).body.items.find((v: any) => v.code === code);

  beforeAll(async () => {
    t = await createTestApp(kind);
    [staff, town02] = await Promise.all([t.login('staff'), t.login('town02')]);
    center1 = (await centerOf(t, TOWN_IDS[0]!)).id;
    center2 = (await centerOf(t, TOWN_IDS[1]!)).id;
  });
  afterAll(async () => { await t.close(); });

  it('uploads evidence, records a value that points at it, and the values list names the file', async () => {
    const res = await addEvidence(staff, center1, [file('房产证明.pdf', PDF)]);
    expect(res.status, res.raw).toBe(201);
    expect(res.body).toEqual({ fileId: expect.any(String), name: '房产证明.pdf', size: PDF.length, mime: 'application/pdf' });
    const stored = await db().selectFrom('content_files').selectAll().where('id', '=', res.body.fileId).executeTakeFirstOrThrow();
    expect(stored.owner_path).toMatch(new RegExp(`/${center1}/$`));

    const read = await valueOf(staff, center1, 'building_area');
    const put = await staff.put(`/api/v1/network/institutions/${center1}/indicators`, { values: [
      { code: 'building_area', value: 2400, version: read.version, evidenceNote: '见房产证明', evidenceFileId: res.body.fileId },
    ] });
    expect(put.status, put.raw).toBe(200);
    expect(put.body.items.find((v: any) => v.code === 'building_area'))
      .toMatchObject({ value: 2400, evidenceFileId: res.body.fileId, evidenceFileName: '房产证明.pdf' });
    const listed = await valueOf(await t.login('inspector'), center1, 'building_area');
    expect(listed).toMatchObject({ evidenceFileId: res.body.fileId, evidenceFileName: '房产证明.pdf' });
    const audit = await db().selectFrom('audit_log').select('after_json').where('action', '=', 'network.evidence.add').where('target_id', '=', center1).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].after_json).toContain(stored.sha256);
  });

  it('a file id that is not this institution\'s evidence is a field error, and nothing is written', async () => {
    const theirs = await addEvidence(town02, center2, [file('石桥镇台账.xlsx', Buffer.from('not really'))]);
    expect(theirs.status, 'a fake .xlsx is refused').toBe(400);
    const other = await addEvidence(town02, center2, [file('石桥镇平面图.png', pngImage())]);
    expect(other.status, other.raw).toBe(201);
    const town = await t.login('town');
    const photo = await upload(t, town, `/api/v1/network/institutions/${center1}/photos`, [file('门厅.png', pngImage())]);
    expect(photo.status, photo.raw).toBe(201);
    const photoFileId = (await db().selectFrom('network_institution_photos').select('file_id').where('id', '=', photo.body.id).executeTakeFirstOrThrow()).file_id;

    const historyBefore = await rowCount('network_indicator_value_history');
    const before = (await staff.get(`/api/v1/network/institutions/${center1}/indicators`)).body.items;
    const versionOf = (code: string) => before.find((v: any) => v.code === code).version;
    const res = await staff.put(`/api/v1/network/institutions/${center1}/indicators`, { values: [
      { code: 'classrooms', value: 7, version: versionOf('classrooms'), evidenceFileId: other.body.fileId },
      { code: 'library_volumes', value: 6000, version: versionOf('library_volumes'), evidenceFileId: photoFileId },
      { code: 'computer_seats', value: 40, version: versionOf('computer_seats'), evidenceFileId: 'no-such-file' },
      { code: 'multimedia_classrooms', value: 2, version: versionOf('multimedia_classrooms') },
    ] });
    expect(res.status, res.raw).toBe(400);
    expect(res.body.errors.map((e: any) => `${e.field}:${e.code}`)).toEqual([
      'values.0.evidenceFileId:unknown', 'values.1.evidenceFileId:unknown', 'values.2.evidenceFileId:unknown',
    ]);
    expect(res.body.errors[0].message['zh-CN']).toBe('该文件不是本机构上传的佐证材料。');
    expect(await rowCount('network_indicator_value_history')).toBe(historyBefore);
    expect((await staff.get(`/api/v1/network/institutions/${center1}/indicators`)).body.items).toEqual(before);
  });

  it('downloads in scope (institution admin, inspector); out of scope or another institution\'s URL is 404', async () => {
    const res = await addEvidence(staff, center1, [file('年度计划.pdf', PDF)]);
    expect(res.status, res.raw).toBe(201);
    const url = `/api/v1/network/institutions/${center1}/evidence/${res.body.fileId}`;
    const got = await staff.request('GET', url);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toMatch(/^attachment; /);
    expect(got.headers['cache-control']).toBe('private, no-cache');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.raw).toBe(PDF.toString('latin1'));
    expect((await (await t.login('inspector')).request('GET', url)).status).toBe(200);
    expect((await town02.request('GET', url)).status).toBe(404);
    expect((await town02.request('GET', `/api/v1/network/institutions/${center2}/evidence/${res.body.fileId}`)).status).toBe(404);
    expect((await (await t.login('teacher')).request('GET', url)).status).toBe(403);
    expect((await t.anonymous().request('GET', url)).status).toBe(401);
    expect((await staff.request('GET', `/api/v1/network/institutions/${center1}/evidence/no-such-file`)).status).toBe(404);
    // Not through the content module's file route either, not even for the city's editor.
    expect((await (await t.login('editor')).request('GET', `/files/${res.body.fileId}`)).status).toBe(404);
  });

  it('refuses types that are not evidence and uploads out of scope; nothing is written', async () => {
    const tables = ['content_files', 'network_institution_evidence', 'audit_log'];
    const snapshot = async () => ({ rows: await Promise.all(tables.map(rowCount)), files: storedFiles(t) });
    const inspector = await t.login('inspector'); // before the snapshot: a login is audited
    const before = await snapshot();
    const refused = [
      await addEvidence(staff, center1, [file('说明.txt', Buffer.from('纯文本说明'))]),
      await addEvidence(staff, center1, [file('程序.pdf', EXE)]),
      await addEvidence(staff, center1, [file('台账.exe', EXE)]),
    ];
    expect(refused.map((r) => `${r.status} ${r.body.code}`)).toEqual(Array(3).fill('400 network.evidence.type'));
    expect((await addEvidence(staff, center2, [file('a.pdf', PDF)])).status).toBe(404);
    expect((await addEvidence(inspector, center1, [file('a.pdf', PDF)])).status).toBe(403);
    expect((await addEvidence(staff, center1, [])).status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });
});
