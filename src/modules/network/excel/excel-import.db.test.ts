import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type Response, type TestApp } from '../../../../test/support/test-app.js';
import { testDialects } from '../../../../test/support/databases.js';
import { fakeClock } from '../../../../test/support/fake-clock.js';
import { loginAll, TOWN_IDS } from '../../../../test/support/demo-roles.js';
import { upload } from '../../../../test/support/upload-client.js';
import { noticeDocx } from '../../../../test/support/upload-fixtures.js';
import { idNumberCheckChar } from '../../../core/pii/id-number.js';
import { maskIdNumber } from '../../../core/pii/mask.js';

const IMPORTS = '/api/v1/network/imports';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TOWN1 = '柳泉镇';
const TOWN2 = '石桥镇';
const CENTER1 = '柳泉镇社区教育中心';

const INSTITUTION_HEADERS = ['机构名称*', '层级*', '类型*', '所在镇（街道）*', '所在村（社区）', '所属中心', '地址', '开放时间', '联系人', '联系电话', '简介'];
const PEOPLE_HEADERS = ['姓名*', '所在镇（街道）*', '所属机构*', '用工类型*', '职务', '任教科目', '资质', '手机号码', '身份证号码'];
const PARTNER_HEADERS = ['合作单位名称*', '合作单位类型*', '所在镇（街道）*', '联系人', '联系电话', '合作内容'];

/** A checksum-valid ID number with the invented prefix 3299 (never a real person's). */
function idNumber(birth: string, sequence: string): string {
  const body = `329955${birth}${sequence}`;
  return body + idNumberCheckChar(body);
}

/** A workbook as a person would fill it: header row, then rows; a cell may be a number (as Excel stores one typed bare). */
async function workbook(headers: string[], rows: Array<Array<string | number | null>>, sheetName = '数据'): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function readBook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

/** Sheet 1 as text rows (header included). */
async function sheetRows(bytes: Buffer): Promise<string[][]> {
  const sheet = (await readBook(bytes)).worksheets[0];
  const rows: string[][] = [];
  sheet.eachRow((row) => { rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))); });
  return rows;
}

describe.each(testDialects())('network Excel import and export on %s', (kind) => {
  let t: TestApp;
  let c: Record<string, Client>;
  const db = () => t.app.database.db as any;
  const count = async (table: string) => Number((await db().selectFrom(table).select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  let villages1: string[];
  let center2: string;

  /** Raw GET for downloads (the test client parses JSON only). */
  async function download(client: Client, url: string) {
    const res = await t.app.inject({ method: 'GET', url, headers: { cookie: `lc_session=${client.cookie}` } });
    return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload, body: res.body };
  }

  function send(client: Client, importKind: string, file: Buffer, filename = 'data.xlsx'): Promise<Response> {
    return upload(t, client, IMPORTS, [{ name: 'kind', value: importKind }, { name: 'file', filename, content: file, contentType: XLSX }]);
  }

  /** Polls the job until it stops working (validation and commit run in the background). */
  async function settle(client: Client, id: string, lang = 'zh-CN') {
    for (let i = 0; i < 2000; i++) {
      const res = await client.request('GET', `${IMPORTS}/${id}`, undefined, { 'accept-language': lang });
      expect(res.status, res.raw).toBe(200);
      if (res.body.status !== 'validating' && res.body.status !== 'committing') return res.body;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`import ${id} did not finish`);
  }

  async function importFile(client: Client, importKind: string, file: Buffer) {
    const res = await send(client, importKind, file);
    expect(res.status, res.raw).toBe(202);
    expect(res.body).toMatchObject({ kind: importKind, fileName: 'data.xlsx', committed: 0 });
    return settle(client, res.body.id);
  }

  async function commit(client: Client, id: string) {
    const res = await client.post(`${IMPORTS}/${id}/commit`, {});
    expect(res.status, res.raw).toBe(202);
    return settle(client, id);
  }

  const triples = (job: any) => job.errors.map((e: any) => [e.row, e.column, e.code]);

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: fakeClock('2026-03-02T01:00:00.000Z') });
    c = await loginAll(t, ['admin', 'town', 'town02', 'staff', 'inspector']);
    const regions = (await t.anonymous().get('/api/v1/regions')).body.items as Array<{ id: string; name: string; level: string; parentId: string | null }>;
    villages1 = regions.filter((r) => r.level === 'village' && r.parentId === TOWN_IDS[0]).map((r) => r.name);
    center2 = (await db().selectFrom('institutions').select('name').where('region_id', '=', TOWN_IDS[1])
      .where('kind', '=', 'community_education_center').executeTakeFirstOrThrow()).name;
  });
  afterAll(async () => { await t.close(); });

  it('lists every bad institution row with column and reason, writes nothing; the fixed file commits and shows in the list', async () => {
    const before = await count('institutions');
    const auditBefore = await count('audit_log');
    const good = ['桃源导入市民学校', '基层学校', '市民学校', TOWN1, villages1[0], CENTER1, '文化礼堂', '周一至周五', '王老师', '0573-86001234', ''];
    const job = await importFile(c.town, 'institutions', await workbook(INSTITUTION_HEADERS, [
      good,                                                                                 // 2 ok
      ['', '基层学校', '市民学校', TOWN1, '', CENTER1],                                      // 3 missing name
      ['某某学校', '基层学校', '市民学校', '不存在镇', '', CENTER1],                           // 4 unknown town
      ['桃源导入市民学校', '基层学校', '市民学校', TOWN1, villages1[1], CENTER1],              // 5 duplicate of row 2 (same town)
      ['电话错学校', '基层学校', '市民学校', TOWN1, '', CENTER1, '', '', '', '12345'],          // 6 bad phone
      ['第二中心', '社区教育中心', '社区教育中心', TOWN1, '', CENTER1],                        // 7 center under a center
      ['跨镇学校', '基层学校', '市民学校', TOWN1, villages1[0], center2],                     // 8 parent in another town
      ['层级错学校', '大学', '市民学校', TOWN1, '', CENTER1],                                 // 9 bad enum
      [CENTER1, '基层学校', '市民学校', TOWN1, '', CENTER1],                                  // 10 duplicate in the database
      ['外镇培训机构', '补充培训机构', '企业培训机构', TOWN2, '', ''],                          // 11 outside the town admin's scope
      ['村里无此村学校', '基层学校', '市民学校', TOWN1, '无此村', CENTER1],                     // 12 unknown village
    ]));
    expect(job.status).toBe('invalid');
    expect(job).toMatchObject({ total: 11, processed: 11, validRows: 1, errorCount: 10 });
    expect(triples(job)).toEqual([
      [3, '机构名称', 'required'],
      [4, '所在镇（街道）', 'town_unknown'],
      [5, '机构名称', 'duplicate'],
      [6, '联系电话', 'phone_format'],
      [7, '所属中心', 'center_under_center'],
      [8, '所属中心', 'parent_other_town'],
      [9, '层级', 'bad_choice'],
      [10, '机构名称', 'duplicate_name'],
      [11, '所在镇（街道）', 'region_unknown'],
      [12, '所在村（社区）', 'village_unknown'],
    ]);
    expect(job.errors[2].message).toBe('与本文件第 2 行重复。');
    expect(job.errors[6].value).toBe('大学');
    const english = await settle(c.town, job.id, 'en');
    expect(english.errors[0].message).toBe('This field is required.');
    expect(english.errors[2].message).toBe('Duplicates row 2 of this file.');
    expect(await count('institutions')).toBe(before);
    expect(await count('audit_log')).toBe(auditBefore);
    expect((await c.town.post(`${IMPORTS}/${job.id}/commit`, {})).status).toBe(409);

    const fixed = await importFile(c.town, 'institutions', await workbook(INSTITUTION_HEADERS, [
      good,
      ['导入第二学校', '基层学校', '市民学校', TOWN1, villages1[1], CENTER1, '', '', '', '0573-86001235'],
      ['导入培训机构', '补充培训机构', '企业培训机构', TOWN1, '', ''],
    ]));
    expect(fixed).toMatchObject({ status: 'ready', total: 3, validRows: 3, errorCount: 0, errors: [] });
    const done = await commit(c.town, fixed.id);
    expect(done).toMatchObject({ status: 'committed', committed: 3 });
    expect(await count('institutions')).toBe(before + 3);
    const list = await c.town.get('/api/v1/network/institutions?q=导入&pageSize=100');
    expect(list.body.items.map((i: any) => i.name).sort()).toEqual(['导入培训机构', '导入第二学校', '桃源导入市民学校']);
    const school = list.body.items.find((i: any) => i.name === '桃源导入市民学校');
    expect(school).toMatchObject({ tier: 'base', kind: 'citizen_school', region: { name: villages1[0] }, parentCenter: { name: CENTER1 },
      contactPhone: '0573-86001234', address: '文化礼堂' });
    const audit = await db().selectFrom('audit_log').selectAll().where('action', '=', 'network.import.commit').where('target_id', '=', fixed.id).execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].after_json)).toMatchObject({ kind: 'institutions', count: 3 });
    expect((await c.town.post(`${IMPORTS}/${fixed.id}/commit`, {})).status).toBe(409);
  });

  it('people: bad phone, bad or cut ID number, duplicates in file and database, unknown institution; ID numbers never stored in clear', async () => {
    const taken = idNumber('19800101', '011');
    const created = await c.town.post('/api/v1/network/people', { institutionId: (await db().selectFrom('institutions').select('id')
      .where('name', '=', CENTER1).executeTakeFirstOrThrow()).id, name: '已有 教师', employment: 'full_time', idNumber: taken });
    expect(created.status, created.raw).toBe(201);
    const before = await count('network_people');
    const fresh = idNumber('19900215', '023');
    const job = await importFile(c.town, 'people', await workbook(PEOPLE_HEADERS, [
      ['赵 一', TOWN1, CENTER1, '兼职', '兼职教师', '书法', '', '13900001111', fresh],  // 2 ok
      ['钱 二', TOWN1, CENTER1, '兼职', '', '', '', '1390000111', ''],                  // 3 bad phone
      ['孙 三', TOWN1, CENTER1, '专职', '', '', '', '', fresh.slice(0, 17) + (fresh[17] === '0' ? '1' : '0')], // 4 bad check digit
      ['李 四', TOWN1, CENTER1, '专职', '', '', '', '', 329955199002150230],             // 5 typed as a number
      ['周 五', TOWN1, CENTER1, '志愿者', '', '', '', '', fresh],                        // 6 same ID as row 2
      ['吴 六', TOWN1, CENTER1, '专职', '', '', '', '', taken],                          // 7 ID already recorded
      ['郑 七', TOWN1, '无此机构', '专职'],                                               // 8 unknown institution
      ['王 八', TOWN1, CENTER1, ''],                                                     // 9 missing employment
      ['冯 九', TOWN2, center2, '专职'],                                                 // 10 another town's institution
      ['已有 教师', TOWN1, CENTER1, '兼职'],                                              // 11 same name at the same institution
    ]));
    expect(job.status).toBe('invalid');
    expect(triples(job)).toEqual([
      [3, '手机号码', 'format'],
      [4, '身份证号码', 'checksum'],
      [5, '身份证号码', 'typed_as_number'],
      [6, '身份证号码', 'duplicate'],
      [7, '身份证号码', 'taken'],
      [8, '所属机构', 'institution_unknown'],
      [9, '用工类型', 'required'],
      [10, '所属机构', 'unknown'],
      [11, '姓名', 'duplicate'],
    ]);
    expect(job.errors[0].value).toBe('139***0111');
    expect(job.errors[4].value).toBe(maskIdNumber(taken));
    expect(JSON.stringify(job)).not.toContain(taken);
    expect(await count('network_people')).toBe(before);

    const ok = await importFile(c.town, 'people', await workbook(PEOPLE_HEADERS, [
      ['赵 一', TOWN1, CENTER1, '兼职', '兼职教师', '书法', '', '139-0000-1111', fresh],
      ['钱 二', TOWN1, CENTER1, 'volunteer', '', '', '', '', ''],
    ]));
    expect(ok.status, JSON.stringify(ok.errors)).toBe('ready');
    const stored = await db().selectFrom('network_import_jobs').select('rows_json').where('id', '=', ok.id).executeTakeFirstOrThrow();
    expect(stored.rows_json).not.toContain(fresh);
    expect(stored.rows_json).not.toContain('13900001111');
    expect(await commit(c.town, ok.id)).toMatchObject({ status: 'committed', committed: 2 });
    const list = await c.town.get(`/api/v1/network/people?q=${encodeURIComponent(fresh)}`);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ name: '赵 一', employment: 'part_time', phone: '139****1111', idNumber: maskIdNumber(fresh) });
    expect(await count('network_people')).toBe(before + 2);
  });

  it('is all or nothing: a duplicate recorded between preview and commit sends the job back to invalid and writes nothing', async () => {
    const job = await importFile(c.town, 'partners', await workbook(PARTNER_HEADERS, [
      ['导入社工站', '社会组织', TOWN1, '陈站长', '13700001234', '周末课堂'],
      ['导入超市', '本地企业', TOWN1, '', '0573-86002222', ''],
    ]));
    expect(job.status, JSON.stringify(job.errors)).toBe('ready');
    const meanwhile = await c.town.post('/api/v1/network/partners', { name: '导入超市', type: 'employer', townId: TOWN_IDS[0] });
    expect(meanwhile.status, meanwhile.raw).toBe(201);
    const before = await count('network_partners');
    const auditBefore = await count('audit_log');
    const done = await commit(c.town, job.id);
    expect(done.status).toBe('invalid');
    expect(triples(done)).toEqual([[3, '合作单位名称', 'duplicate']]);
    expect(await count('network_partners')).toBe(before);
    expect(await count('audit_log')).toBe(auditBefore);
    expect((await c.town.post(`${IMPORTS}/${job.id}/commit`, {})).status).toBe(409);
  });

  it('lets only one of two simultaneous commits start', async () => {
    const job = await importFile(c.town, 'partners', await workbook(PARTNER_HEADERS, [['并发合作单位', '个人', TOWN1]]));
    expect(job.status).toBe('ready');
    const answers = await Promise.all(Array.from({ length: 6 }, () => c.town.post(`${IMPORTS}/${job.id}/commit`, {})));
    expect(answers.map((a) => a.status).sort()).toEqual([202, 409, 409, 409, 409, 409]);
    expect(await settle(c.town, job.id)).toMatchObject({ status: 'committed', committed: 1 });
    expect(await db().selectFrom('network_partners').select('id').where('name', '=', '并发合作单位').execute()).toHaveLength(1);
  });

  it('keeps scope: no import into another town, no reading another user\'s import, exports only what the list shows', async () => {
    const job = await importFile(c.town, 'partners', await workbook(PARTNER_HEADERS, [['外镇合作单位', '个人', TOWN2]]));
    expect(triples(job)).toEqual([[2, '所在镇（街道）', 'town_unknown']]);
    expect((await c.town02.get(`${IMPORTS}/${job.id}`)).status).toBe(404);
    expect((await c.town02.post(`${IMPORTS}/${job.id}/commit`, {})).status).toBe(404);
    expect((await c.admin.get(`${IMPORTS}/${job.id}`)).status).toBe(200);
    const mine = await c.town.get(IMPORTS);
    expect(mine.body.items[0].id).toBe(job.id);
    expect(mine.body.items.length).toBeGreaterThanOrEqual(5);
    expect((await c.town02.get(IMPORTS)).body.items).toEqual([]);

    for (const path of ['institutions', 'people', 'partners']) {
      const own = await download(c.town, `/api/v1/network/${path}/export.xlsx`);
      expect(own.status, own.body).toBe(200);
      expect(own.headers['content-type']).toBe(XLSX);
      expect(String(own.headers['content-disposition'])).toMatch(/^attachment; filename=".*\.xlsx"; filename\*=UTF-8''/);
      const text = JSON.stringify(await sheetRows(own.bytes));
      expect(text, path).toContain(TOWN1);
      expect(text, path).not.toContain(TOWN2);
      const city = JSON.stringify(await sheetRows((await download(c.admin, `/api/v1/network/${path}/export.xlsx`)).bytes));
      expect(city, path).toContain(TOWN2);
    }
    // The same filters as the JSON list, including one that narrows to nothing for this caller.
    const filtered = await sheetRows((await download(c.admin, `/api/v1/network/institutions/export.xlsx?town=${TOWN_IDS[1]}&tier=center`)).bytes);
    expect(filtered.slice(1).map((r) => r[0])).toEqual([center2]);
    const otherTown = await sheetRows((await download(c.town, `/api/v1/network/institutions/export.xlsx?town=${TOWN_IDS[1]}`)).bytes);
    expect(otherTown).toHaveLength(1);
    expect((await download(c.staff, '/api/v1/network/partners/export.xlsx')).status).toBe(200);
    expect((await download(c.town, '/api/v1/network/institutions/export.xlsx?tier=nonsense')).status).toBe(400);
  });

  it('masks phones and ID numbers in exports and shows the gap matrix as a sheet', async () => {
    const people = await sheetRows((await download(c.admin, '/api/v1/network/people/export.xlsx?pageSize=5')).bytes);
    expect(people[0]).toEqual(['姓名', '所在镇（街道）', '所属机构', '用工类型', '职务', '任教科目', '资质', '手机号码', '身份证号码', '状态', '登记日期']);
    const withId = people.slice(1).filter((r) => r[8] !== '');
    expect(withId.length).toBeGreaterThan(0);
    for (const row of withId) expect(row[8]).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
    for (const row of people.slice(1).filter((r) => r[7] !== '')) expect(row[7]).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(people[1][10]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const partners = await sheetRows((await download(c.admin, '/api/v1/network/partners/export.xlsx')).bytes);
    for (const row of partners.slice(1).filter((r) => r[4] !== '')) expect(row[4]).toContain('****');

    const matrix = await download(c.town, '/api/v1/network/gap-matrix/export.xlsx');
    expect(matrix.status, matrix.body).toBe(200);
    const rows = await sheetRows(matrix.bytes);
    expect(rows[0].slice(0, 3)).toEqual(['机构名称', '层级', '评定等级']);
    expect(rows[0].at(-1)).toBe('未填报项');
    expect(rows.some((r) => r[0] === CENTER1)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(center2);
    const json = await c.town.get('/api/v1/network/gap-matrix');
    expect(rows.length - 1).toBe(json.body.rows.length);
  });

  it('serves templates per kind and permission, and a filled template round-trips to ready', async () => {
    const tpl = await download(c.town, `${IMPORTS}/templates/people`);
    expect(tpl.status, tpl.body).toBe(200);
    expect(tpl.headers['content-type']).toBe(XLSX);
    const book = await readBook(tpl.bytes);
    expect(book.worksheets.map((s) => s.name).slice(0, 2)).toEqual(['人员', '说明']);
    const sheet = book.worksheets[0];
    const headers = (sheet.getRow(1).values as string[]).slice(1);
    expect(headers).toEqual(PEOPLE_HEADERS);
    expect(sheet.getCell('A1').note).toBeTruthy();
    expect((sheet as any).dataValidations.find('D2')?.type).toBe('list');
    const guide = book.getWorksheet('说明')!;
    const guideText: string[] = [];
    guide.eachRow((row) => guideText.push((row.values as unknown[]).join('|')));
    expect(guideText.join('\n')).toContain(CENTER1);
    expect(guideText.join('\n')).not.toContain(center2);

    sheet.addRow(['模板 用户', TOWN1, CENTER1, '专职', '教务', '', '', '13600001234', '']);
    const job = await importFile(c.town, 'people', Buffer.from(await book.xlsx.writeBuffer()));
    expect(job.status, JSON.stringify(job.errors)).toBe('ready');
    expect(job.total).toBe(1);

    const institutionsGuide = (await readBook((await download(c.admin, `${IMPORTS}/templates/institutions`)).bytes)).getWorksheet('说明')!;
    let townChoices = '';
    institutionsGuide.eachRow((row) => { if (row.getCell(1).value === '所在镇（街道）') townChoices = String(row.getCell(3).value); });
    expect(townChoices).toContain(TOWN2);
    expect(townChoices).toContain(TOWN1);
    expect((await download(c.staff, `${IMPORTS}/templates/institutions`)).status).toBe(403);
    expect((await download(c.staff, `${IMPORTS}/templates/people`)).status).toBe(200);
    expect((await download(c.inspector, `${IMPORTS}/templates/people`)).status).toBe(403);
    expect((await download(c.town, `${IMPORTS}/templates/unknown`)).status).toBe(400);
  });

  it('refuses bad files with 400 or 413 and creates no job', async () => {
    const jobs = await count('network_import_jobs');
    const expectRefused = async (res: Response, status: number, code: string) => {
      expect(res.status, res.raw).toBe(status);
      // File problems are field errors on `file` (400) or a top-level problem (413, 403).
      expect(res.body.errors?.[0]?.code ?? res.body.code, res.raw).toBe(code);
    };
    await expectRefused(await send(c.town, 'people', Buffer.from('这不是表格 just random bytes 0123456789')), 400, 'not_xlsx');
    await expectRefused(await send(c.town, 'people', noticeDocx(), 'renamed.xlsx'), 400, 'not_xlsx');
    await expectRefused(await send(c.town, 'people', noticeDocx(), 'notice.docx'), 400, 'xlsx_only');
    await expectRefused(await send(c.town, 'people', await workbook(PEOPLE_HEADERS, [])), 400, 'empty');
    await expectRefused(await send(c.town, 'people', await workbook(['姓名*', '备注'], [['张三', '']])), 400, 'missing_columns');
    await expectRefused(await send(c.town, 'teachers', await workbook(PEOPLE_HEADERS, [['张三']])), 400, 'kind_required');
    await expectRefused(await send(c.staff, 'partners', await workbook(PARTNER_HEADERS, [['某单位', '个人', TOWN1]])), 403, 'auth.forbidden');
    const many = await workbook(['姓名*'], Array.from({ length: 20_001 }, (_, i) => [`人${i}`]));
    await expectRefused(await send(c.town, 'people', many), 413, 'network.import.too_many_rows');
    expect(await count('network_import_jobs')).toBe(jobs);
  });

  it('imports and commits 2,000 people in one go', async () => {
    const before = await count('network_people');
    // Unique, checksum-valid ID numbers: the birth date and sequence vary with the row.
    const idOf = (i: number) => {
      const body = `3299${10 + Math.floor(i / 900)}1970${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (Math.floor(i / 12) % 28)).padStart(2, '0')}${100 + (i % 900)}`;
      return body + idNumberCheckChar(body);
    };
    const rows = Array.from({ length: 2000 }, (_, i) => [`批量 ${String(i).padStart(4, '0')}`, TOWN1, CENTER1, i % 2 ? '兼职' : '志愿者', '', '', '',
      `137${String(i).padStart(8, '0')}`, idOf(i)]);
    expect(new Set(rows.map((r) => r[8])).size).toBe(2000);
    const job = await importFile(c.admin, 'people', await workbook(PEOPLE_HEADERS, rows));
    expect(job.status, JSON.stringify(job.errors.slice(0, 3))).toBe('ready');
    expect(job).toMatchObject({ total: 2000, processed: 2000, validRows: 2000 });
    expect(await commit(c.admin, job.id)).toMatchObject({ status: 'committed', committed: 2000 });
    expect(await count('network_people')).toBe(before + 2000);
  });
});
