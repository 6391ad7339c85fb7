import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { zipArchive, noticeDocx } from '../../../test/support/upload-fixtures.js';
import { cellText } from './cell-text.js';
import { headerLabel, readFirstSheet, SpreadsheetError, DEFAULT_READ_LIMITS } from './read-sheet.js';
import { checkUnpackedSize } from '../zip-size.js';
import { dateCell, writeWorkbook } from './write-workbook.js';
import { contentDisposition } from '../http/content-disposition.js';

const ENTRY = Buffer.from([0x50, 0x4b, 0x01, 0x02]);

async function workbookOf(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet('数据'));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SpreadsheetError) return error.reason;
    throw error;
  }
  return 'accepted';
}

describe('cellText', () => {
  it('writes numbers without .0 or exponent and flags integers Excel cannot hold exactly', () => {
    expect(cellText(13812341234)).toEqual({ text: '13812341234', imprecise: false });
    expect(cellText(12.0)).toEqual({ text: '12', imprecise: false });
    expect(cellText(0.1 + 0.2)).toEqual({ text: '0.3', imprecise: false });
    expect(cellText(1e21)).toEqual({ text: '1000000000000000000000', imprecise: true });
    // An 18-digit ID number typed as a number: Excel kept 15 digits.
    expect(cellText(110105194912310000)).toEqual({ text: '110105194912310000', imprecise: true });
    expect(cellText(999999999999999).imprecise).toBe(false);
    expect(cellText(0.00000012).text).toBe('0.00000012');
  });

  it('reads rich text, hyperlinks, formulas by their result, dates, booleans and errors', () => {
    expect(cellText({ richText: [{ text: '柳泉' }, { text: '镇 ' }] })).toEqual({ text: '柳泉镇', imprecise: false });
    expect(cellText({ text: '官网', hyperlink: 'https://example.org' }).text).toBe('官网');
    expect(cellText({ formula: 'A1&B1', result: '合计' } as ExcelJS.CellValue).text).toBe('合计');
    expect(cellText({ formula: 'A1*1', result: 13900001111 } as ExcelJS.CellValue).text).toBe('13900001111');
    expect(cellText({ formula: 'A1' } as ExcelJS.CellValue).text).toBe('');
    expect(cellText(new Date(Date.UTC(2026, 2, 2))).text).toBe('2026-03-02');
    expect(cellText(new Date(Date.UTC(2026, 2, 2, 9, 5, 0))).text).toBe('2026-03-02 09:05:00');
    expect(cellText(true).text).toBe('TRUE');
    expect(cellText({ error: '#N/A' } as ExcelJS.CellValue).text).toBe('#N/A');
    expect(cellText('  姓名\u3000')).toEqual({ text: '姓名', imprecise: false });
    expect(cellText(null).text).toBe('');
  });

  it('drops the required marker from header labels', () => {
    expect(headerLabel('名称*')).toBe('名称');
    expect(headerLabel(' 所在镇（街道） ＊')).toBe('所在镇（街道）');
    expect(headerLabel('备注')).toBe('备注');
  });
});

describe('writeWorkbook and readFirstSheet', () => {
  it('round-trips: zh-CN headers, text keeps digits, numbers stay numbers, dates as YYYY-MM-DD, drop-downs, frozen header', async () => {
    const bytes = await writeWorkbook([
      {
        name: '人员',
        columns: [
          { key: 'name', header: '姓名', required: true, note: '例：张三' },
          { key: 'id', header: '身份证号码', type: 'text' },
          { key: 'count', header: '人次', type: 'number' },
          { key: 'since', header: '登记日期', type: 'date' },
          { key: 'kind', header: '用工类型', choices: ['专职', '兼职', '志愿者, 临时'] },
        ],
        rows: [
          { name: '张三', id: '011010519491231002', count: 12, since: '2026-03-01T20:00:00.000Z', kind: '兼职' },
          { name: '李四', id: null, count: '7', since: new Date('2026-01-05T03:00:00Z'), kind: '志愿者, 临时' },
        ],
      },
      { name: '说明', columns: [{ key: 'text', header: '说明' }], rows: [{ text: '第二张表不会被读入' }] },
    ]);
    const sheet = await readFirstSheet(bytes);
    expect(sheet.name).toBe('人员');
    expect(sheet.headers).toEqual(['姓名', '身份证号码', '人次', '登记日期', '用工类型']);
    expect(sheet.rows).toEqual([
      { rowNumber: 2, values: { 姓名: '张三', 身份证号码: '011010519491231002', 人次: '12', 登记日期: '2026-03-02', 用工类型: '兼职' }, imprecise: [] },
      { rowNumber: 3, values: { 姓名: '李四', 身份证号码: '', 人次: '7', 登记日期: '2026-01-05', 用工类型: '志愿者, 临时' }, imprecise: [] },
    ]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const first = workbook.worksheets[0];
    expect(first.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(first.getCell('A1').value).toBe('姓名*');
    expect(first.getCell('C2').value).toBe(12);
    expect(first.getCell('B2').numFmt).toBe('@');
    expect(first.getColumn(1).width).toBeGreaterThanOrEqual(6);
    const rule = (first as any).dataValidations.find('E2');
    expect(rule?.type).toBe('list');
    const lists = workbook.getWorksheet('lists')!;
    expect(lists.state).toBe('hidden');
    expect(lists.getCell('A3').value).toBe('志愿者, 临时');
  });

  it('skips blank rows, keeps Excel row numbers and flags long numbers typed as numbers', async () => {
    const bytes = await workbookOf((sheet) => {
      sheet.addRow(['姓名*', '身份证号码', '']);
      sheet.addRow(['王五', 110105194912310021]);
      sheet.addRow([]);
      sheet.getCell('A4').value = '赵六';
      sheet.getCell('B4').value = { richText: [{ text: '32990119850412017X' }] };
    });
    const sheet = await readFirstSheet(bytes);
    expect(sheet.rows.map((r) => r.rowNumber)).toEqual([2, 4]);
    expect(sheet.rows[0].imprecise).toEqual(['身份证号码']);
    expect(sheet.rows[1].values['身份证号码']).toBe('32990119850412017X');
  });

  it('refuses what is not a workbook, an empty sheet, too many rows, an oversized file and duplicate headers', async () => {
    expect(await refusal(readFirstSheet(Buffer.from('not a spreadsheet at all, just text')))).toBe('not_xlsx');
    expect(await refusal(readFirstSheet(zipArchive({ 'a.txt': 'hello' })))).toBe('not_xlsx');
    expect(await refusal(readFirstSheet(await noticeDocx()))).toBe('not_xlsx');
    expect(await refusal(readFirstSheet(await workbookOf(() => undefined)))).toBe('empty');
    expect(await refusal(readFirstSheet(await workbookOf((s) => s.addRow(['姓名', '电话']))))).toBe('empty');
    const many = await workbookOf((s) => { s.addRow(['姓名']); for (let i = 0; i < 11; i++) s.addRow([`人${i}`]); });
    expect(await refusal(readFirstSheet(many, { ...DEFAULT_READ_LIMITS, maxRows: 10 }))).toBe('too_many_rows');
    expect((await readFirstSheet(many, { ...DEFAULT_READ_LIMITS, maxRows: 11 })).rows).toHaveLength(11);
    expect(await refusal(readFirstSheet(many, { ...DEFAULT_READ_LIMITS, maxFileBytes: 100 }))).toBe('too_large');
    expect(await refusal(readFirstSheet(many, { ...DEFAULT_READ_LIMITS, maxUnpackedBytes: 1000 }))).toBe('unpacked_too_large');
    expect(await refusal(readFirstSheet(await workbookOf((s) => { s.addRow(['姓名', '姓名*']); s.addRow(['a', 'b']); })))).toBe('duplicate_header');
  });
});

describe('checkUnpackedSize', () => {
  it('counts what the parts really inflate to, whatever the directory declares', async () => {
    // Deflated parts: 5 MB of one repeated letter packs into a few kilobytes.
    const bomb = await workbookOf((s) => { s.addRow(['姓名']); s.addRow(['x'.repeat(5_000_000)]); });
    expect(bomb.length).toBeLessThan(100_000);
    expect(checkUnpackedSize(bomb, 1_000_000)).toEqual({ ok: false, reason: 'too_large' });
    const fits = checkUnpackedSize(bomb, 10_000_000);
    expect(fits.ok && fits.unpackedBytes).toBeGreaterThan(5_000_000);
    // Lie in the central directory (every part declares 10 bytes unpacked): the inflation cap still catches it.
    const lying = Buffer.from(bomb);
    for (let at = lying.indexOf(ENTRY); at >= 0; at = lying.indexOf(ENTRY, at + 4)) lying.writeUInt32LE(10, at + 24);
    expect(checkUnpackedSize(lying, 1_000_000)).toEqual({ ok: false, reason: 'too_large' });
    expect(checkUnpackedSize(zipArchive({ 'a.txt': 'y'.repeat(2000) }), 1000)).toEqual({ ok: false, reason: 'too_large' });
    expect(checkUnpackedSize(Buffer.from('PK but no directory here, only text to pad it out'), 1000)).toEqual({ ok: false, reason: 'not_zip' });
    // A deflate stream cut short is not a zip we can read.
    const cut = Buffer.from(bomb);
    const local = cut.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    cut.fill(0xff, local + 40, local + 60);
    expect(checkUnpackedSize(cut, 10_000_000).ok).toBe(false);
  });
});

describe('download helpers', () => {
  it('formats dates as China calendar dates and names downloads per RFC 6266', () => {
    expect(dateCell('2026-03-01T16:30:00.000Z')).toBe('2026-03-02');
    expect(dateCell('2026-03-01')).toBe('2026-03-01');
    expect(dateCell(null)).toBe('');
    expect(contentDisposition('attachment', '机构.xlsx')).toBe(`attachment; filename="__.xlsx"; filename*=UTF-8''%E6%9C%BA%E6%9E%84.xlsx`);
  });
});
