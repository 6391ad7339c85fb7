import ExcelJS from 'exceljs';

export type CellInput = string | number | Date | null | undefined;

export interface XlsxColumn {
  /** Key of the value in each row object. */
  key: string;
  /** The header label as users read it (zh-CN in this product). */
  header: string;
  /** Marks the header with `*` (templates). */
  required?: boolean;
  /**
   * text: written as text with the Text format, so ID and phone numbers keep every digit and leading zero;
   * number: a real number (sums and sorting work in Excel); date: the calendar date as `YYYY-MM-DD` text
   * (China time for instants), so no locale or time zone can change it.
   */
  type?: 'text' | 'number' | 'date';
  /** In characters; by default fitted to the header and the longest value (CJK characters count double). */
  width?: number;
  /** A comment on the header cell: a hint or an example. */
  note?: string;
  /** A drop-down of allowed values on the data rows (kept on a hidden list sheet, so any length and any comma works). */
  choices?: string[];
}

export interface XlsxSheet {
  name: string;
  columns: XlsxColumn[];
  rows: Array<Record<string, CellInput>>;
  /** How many rows below the header get the drop-downs (templates); default: the data rows, at least 1000. */
  validationRows?: number;
}

const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
const LIST_SHEET = 'lists';
const MAX_WIDTH = 60;

/** `2026-03-02` stays; an instant (`2026-03-01T20:00:00Z`, a Date) becomes its calendar date in China. */
export function dateCell(value: CellInput): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : SHANGHAI_DATE.format(date);
}

function cellValue(column: XlsxColumn, value: CellInput): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (column.type === 'date') return dateCell(value) || null;
  if (column.type === 'number') {
    const n = typeof value === 'number' ? value : Number(value);
    return value === '' || !Number.isFinite(n) ? null : n;
  }
  return value instanceof Date ? dateCell(value) : String(value);
}

/** Display width: CJK and full-width characters take two columns. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}

function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * A workbook from column definitions and rows, as a Buffer: bold header row frozen in place, fitted column
 * widths, text columns formatted as Text, numbers as numbers, dates as `YYYY-MM-DD` text, optional header
 * comments and drop-downs. The sheets appear in the order given (the first is the one imports read back).
 */
export async function writeWorkbook(sheets: XlsxSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'learning-city';
  const lists: string[][] = [];

  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = spec.columns.map((column) => {
      const header = column.required ? `${column.header}*` : column.header;
      let width = column.width;
      if (width === undefined) {
        width = displayWidth(header);
        for (const row of spec.rows) width = Math.max(width, displayWidth(String(cellValue(column, row[column.key]) ?? '')));
        width = Math.min(MAX_WIDTH, width + 2);
      }
      return { header, key: column.key, width, style: column.type === 'text' || column.type === undefined ? { numFmt: '@' } : {} };
    });
    const headerRow = sheet.getRow(1);
    headerRow.font = { bold: true };
    headerRow.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
    spec.columns.forEach((column, i) => { if (column.note) headerRow.getCell(i + 1).note = column.note; });

    for (const row of spec.rows) {
      sheet.addRow(Object.fromEntries(spec.columns.map((column) => [column.key, cellValue(column, row[column.key])])));
    }

    const lastRow = 1 + (spec.validationRows ?? Math.max(1000, spec.rows.length));
    spec.columns.forEach((column, i) => {
      if (!column.choices || column.choices.length === 0) return;
      lists.push(column.choices);
      const listColumn = columnLetter(lists.length);
      const letter = columnLetter(i + 1);
      (sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations.add(
        `${letter}2:${letter}${lastRow}`, {
          type: 'list', allowBlank: true, showErrorMessage: true, errorStyle: 'warning',
          formulae: [`${LIST_SHEET}!$${listColumn}$1:$${listColumn}$${column.choices.length}`],
        });
    });
  }

  if (lists.length > 0) {
    const listSheet = workbook.addWorksheet(LIST_SHEET, { state: 'hidden' });
    lists.forEach((values, i) => {
      values.forEach((value, r) => { listSheet.getCell(r + 1, i + 1).value = value; });
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
