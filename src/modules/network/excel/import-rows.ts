import type { Actor, RequestContext } from '../../../core/access/actor.js';
import type { FieldCrypto } from '../../../core/pii/field-crypto.js';
import type { MessageId } from '../../../core/i18n/i18n.js';
import type { FieldError } from '../../../core/http/errors.js';
import { maskIdNumber, maskPhone } from '../../../core/pii/mask.js';
import type { SheetRow } from '../../../core/xlsx/read-sheet.js';
import type { ImportDb, ImportKind } from './import-schema.js';

/** One problem of one row, as the preview lists it: Excel row number, column label, field, reason, masked value. */
export interface RowError {
  row: number;
  column: string;
  field: string;
  code: string;
  messageId: MessageId;
  params?: Record<string, string | number>;
  value: string;
}

/** A column of an import sheet: its zh-CN header, the field it fills, and the rules a cell can be held to alone. */
export interface ImportColumn {
  field: string;
  header: string;
  required?: boolean;
  maxLength?: number;
  /** Values of these columns are masked wherever they are shown back (errors, exports). */
  personal?: 'phone' | 'id_number';
  /** Format help for the template's 说明 sheet and the header comment. */
  format: string;
  example: string;
}

/** What the commands need beside the database: who imports, the field crypto for people, today for ID numbers. */
export interface ImportContext {
  actor: Actor;
  crypto: FieldCrypto;
  today: Date;
}

/** Every validated draft remembers its Excel row, so a rule failing at commit time can still name the row. */
export interface Draft { row: number }

/**
 * One kind of import. `parse` reads a row alone (required cells, lengths, choices, names → ids from the
 * preloaded lookups); `check` applies the rules that need the database to a batch of drafts (duplicates,
 * scope, the institution rules) and runs again inside the commit's transaction; `insert` writes a batch.
 */
export interface ImportHandler<D extends Draft, L> {
  kind: ImportKind;
  /** The permission the import needs (the same one as the single-record form). */
  permission: string;
  sheetName: string;
  columns: ImportColumn[];
  load(db: ImportDb, ctx: ImportContext): Promise<L>;
  parse(reader: RowReader, lookups: L, ctx: ImportContext): D | null;
  /** Keys that must be unique within the file, each with the field a duplicate is reported on. */
  uniqueKeys(draft: D): Array<{ key: string; field: string }>;
  check(db: ImportDb, drafts: D[], ctx: ImportContext): Promise<RowError[]>;
  insert(db: ImportDb, drafts: D[], ctx: RequestContext & { actor: Actor }, now: Date): Promise<string[]>;
  /** The template's allowed values per field, for the caller's scope (towns, villages, institutions, choices). */
  choices(lookups: L, ctx: ImportContext): Record<string, { list: string[]; dropDown: boolean }>;
}

export function maskedValue(column: ImportColumn | undefined, value: string): string {
  if (!value || !column?.personal) return value;
  return column.personal === 'phone' ? maskPhone(value) : maskIdNumber(value);
}

/** Reads one sheet row by field and collects its errors with the column label and the masked value. */
export class RowReader {
  readonly errors: RowError[] = [];
  private readonly byField: Map<string, ImportColumn>;

  constructor(readonly sheetRow: SheetRow, columns: ImportColumn[]) {
    this.byField = new Map(columns.map((c) => [c.field, c]));
  }

  get row(): number { return this.sheetRow.rowNumber; }

  /** The cell's text ('' when the column is absent); a missing required cell or an over-long one is an error. */
  text(field: string): string {
    const column = this.byField.get(field)!;
    const value = this.sheetRow.values[column.header] ?? '';
    if (column.required && value === '') this.fail(field, 'field.required');
    else if (column.maxLength !== undefined && [...value].length > column.maxLength) this.fail(field, 'network.import.too_long', { max: column.maxLength });
    return value;
  }

  /** True when Excel stored this cell as a long number and its last digits are gone (see core/xlsx/cell-text.ts). */
  lostDigits(field: string): boolean {
    return this.sheetRow.imprecise.includes(this.byField.get(field)!.header);
  }

  /** One of the allowed labels (or the code itself); anything else is an error naming the labels. */
  choice<T extends string>(field: string, labels: Record<T, string>): T | null {
    const value = this.text(field);
    if (value === '') return null;
    const hit = (Object.keys(labels) as T[]).find((code) => labels[code] === value || code === value);
    if (hit === undefined) this.fail(field, 'network.import.bad_choice', { allowed: Object.values<string>(labels).join('、') });
    return hit ?? null;
  }

  fail(field: string, messageId: MessageId, params?: Record<string, string | number>, code = messageId.split('.').pop()!): void {
    const column = this.byField.get(field);
    this.errors.push({ row: this.row, column: column?.header ?? field, field, code, messageId, params,
      value: maskedValue(column, column ? this.sheetRow.values[column.header] ?? '' : '') });
  }

  /** The field errors a single-record command raised, as this row's errors. */
  failWith(errors: FieldError[], fieldMap: Record<string, string> = {}): void {
    for (const e of errors) this.fail(fieldMap[e.field] ?? e.field, e.messageId, e.params, e.code);
  }

  get ok(): boolean { return this.errors.length === 0; }
}

/** Row errors for a draft found at check time (no sheet row at hand any more: the value comes from the draft). */
export function draftError(columns: ImportColumn[], row: number, field: string, error: Pick<FieldError, 'messageId' | 'params'> & { code?: string },
  value: string): RowError {
  const column = columns.find((c) => c.field === field);
  return { row, column: column?.header ?? field, field, code: error.code ?? error.messageId.split('.').pop()!, messageId: error.messageId,
    params: error.params, value: maskedValue(column, value) };
}
