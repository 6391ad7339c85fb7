import ExcelJS from 'exceljs';
import { cellText } from './cell-text.js';
import { checkUnpackedSize } from '../zip-size.js';

export interface ReadLimits {
  /** The upload itself. */
  maxFileBytes: number;
  /** What all parts of the archive may inflate to (the zip-bomb guard). */
  maxUnpackedBytes: number;
  /** Data rows below the header (blank rows are not counted). */
  maxRows: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxFileBytes: 10 * 1024 * 1024, maxUnpackedBytes: 64 * 1024 * 1024, maxRows: 20_000 };

export interface SheetRow {
  /** The row number Excel shows (the header is row 1). */
  rowNumber: number;
  /** Cell text by header label; a column without a header is ignored. */
  values: Record<string, string>;
  /** Header labels of cells holding a long number whose last digits Excel has already dropped (see cell-text.ts). */
  imprecise: string[];
}

export interface Sheet {
  name: string;
  /** Header labels in column order, trimmed, with a trailing required-marker `*` removed. */
  headers: string[];
  rows: SheetRow[];
}

/**
 * Why an upload could not be read. The module maps each reason to its own message and status (a file or row
 * count over the limit is 413, anything else 400); core holds no module's wording.
 */
export class SpreadsheetError extends Error {
  constructor(public readonly reason: 'too_large' | 'unpacked_too_large' | 'not_xlsx' | 'empty' | 'too_many_rows' | 'duplicate_header',
    public readonly limit?: number, public readonly detail?: string) {
    super(`spreadsheet: ${reason}`);
    this.name = 'SpreadsheetError';
  }
}

/** `名称*` and `名称 ＊` are the label `名称`: templates mark required columns, uploads need not keep the mark. */
export function headerLabel(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().replace(/\s*[*＊]$/, '').trim();
}

/**
 * The first worksheet of an uploaded .xlsx as rows keyed by header label (row 1). Defensive by design: the
 * byte size, the unpacked size (every part inflated under a cap before the library loads it) and the row count
 * are bounded; a file that is not a workbook, or has no header or no data row, is refused.
 */
export async function readFirstSheet(bytes: Buffer, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<Sheet> {
  if (bytes.length > limits.maxFileBytes) throw new SpreadsheetError('too_large', limits.maxFileBytes);
  const unpacked = checkUnpackedSize(bytes, limits.maxUnpackedBytes);
  if (!unpacked.ok) throw unpacked.reason === 'too_large' ? new SpreadsheetError('unpacked_too_large', limits.maxUnpackedBytes) : new SpreadsheetError('not_xlsx');
  if (!unpacked.parts.includes('xl/workbook.xml')) throw new SpreadsheetError('not_xlsx');

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new SpreadsheetError('not_xlsx');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SpreadsheetError('not_xlsx');

  const columns = new Map<number, string>();
  sheet.getRow(1).eachCell({ includeEmpty: false }, (cell, col) => {
    const label = headerLabel(cellText(cell.value).text);
    if (label === '') return;
    if ([...columns.values()].includes(label)) throw new SpreadsheetError('duplicate_header', undefined, label);
    columns.set(col, label);
  });
  if (columns.size === 0) throw new SpreadsheetError('empty');

  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const values: Record<string, string> = {};
    const imprecise: string[] = [];
    let blank = true;
    for (const [col, label] of columns) {
      const { text, imprecise: lost } = cellText(row.getCell(col).value);
      values[label] = text;
      if (text !== '') blank = false;
      if (lost) imprecise.push(label);
    }
    if (blank) return;
    if (rows.length >= limits.maxRows) throw new SpreadsheetError('too_many_rows', limits.maxRows);
    rows.push({ rowNumber, values, imprecise });
  });
  if (rows.length === 0) throw new SpreadsheetError('empty');
  return { name: sheet.name, headers: [...columns.values()], rows };
}
