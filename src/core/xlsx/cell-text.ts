import type { CellValue } from 'exceljs';

/** A cell as text, and whether the text may not be what the person typed (see `imprecise`). */
export interface CellText {
  text: string;
  /**
   * An integer of 16 or more digits stored as a number: Excel keeps 15 significant digits, so an ID number
   * typed without a leading apostrophe has already lost its last digits. Callers must refuse such a value
   * rather than guess it (the digits that survive can even pass a check-digit test by chance).
   */
  imprecise: boolean;
}

const EMPTY: CellText = { text: '', imprecise: false };
/** Excel's precision: 15 significant decimal digits. */
const EXACT_DIGITS = 15;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Excel dates carry no zone: the library hands them over as UTC wall-clock values, so read them back as UTC. */
function dateText(value: Date): string {
  if (Number.isNaN(value.getTime())) return '';
  const day = `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  const h = value.getUTCHours(); const m = value.getUTCMinutes(); const s = value.getUTCSeconds();
  return h === 0 && m === 0 && s === 0 ? day : `${day} ${pad(h)}:${pad(m)}:${pad(s)}`;
}

/** Numbers without `.0`, without exponent notation, and without float noise (0.1 + 0.2 shows as 0.3). */
function numberText(value: number): CellText {
  if (!Number.isFinite(value)) return { text: '', imprecise: true };
  if (Number.isInteger(value)) {
    return { text: BigInt(value).toString(), imprecise: Math.abs(value) >= 10 ** EXACT_DIGITS };
  }
  const rounded = Number(value.toPrecision(EXACT_DIGITS));
  const plain = String(rounded);
  if (!plain.includes('e')) return { text: plain, imprecise: false };
  // Tiny fractions: write them out in full, then drop the trailing zeros.
  return { text: rounded.toFixed(20).replace(/\.?0+$/, ''), imprecise: false };
}

/**
 * Any cell value the spreadsheet library reads (text, number, date, boolean, rich text, hyperlink, formula
 * with its cached result, error) as trimmed text. A formula counts as its last computed result; an error
 * cell keeps its code (`#N/A`) so a validator reports it instead of treating it as blank.
 */
export function cellText(value: CellValue | undefined): CellText {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'string') return { text: value.trim(), imprecise: false };
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', imprecise: false };
  if (value instanceof Date) return { text: dateText(value), imprecise: false };
  if ('richText' in value && Array.isArray(value.richText)) {
    return { text: value.richText.map((run) => run.text ?? '').join('').trim(), imprecise: false };
  }
  if ('hyperlink' in value) return cellText(value.text as CellValue);
  if ('formula' in value || 'sharedFormula' in value) {
    return cellText((value as { result?: CellValue }).result);
  }
  if ('error' in value) return { text: String(value.error), imprecise: false };
  return EMPTY;
}
