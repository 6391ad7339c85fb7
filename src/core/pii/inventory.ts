import type { CoreContext } from '../context.js';
import type { DialectName } from '../db/dialect.js';

/**
 * The personal-information inventory (PIPL 51(2), GB/T 35273 11.3; SECURITY.md P1): every column of every table,
 * tagged. Core and each module declare the tables they own (`core-inventory.ts`, `modules/<m>/pi-inventory.ts`);
 * `test/http/pi-inventory.db.test.ts` compares the union with the migrated schema on both databases.
 *
 * `sensitive` = 敏感个人信息 (GB/T 35273 Annex B: ID numbers and what is derived from them, credentials, minors'
 * data…); `personal` = 个人信息 (names, phones, addresses, who did what, a person's learning records, IP addresses…);
 * `none` = nothing about an identifiable person.
 */
export type PiCategory = 'sensitive' | 'personal' | 'none';

/** Deletes the rows whose retention has run out as of `now`; returns how many went. Safe to run twice at once. */
export type PurgeRule = (core: CoreContext, now: Date) => Promise<number>;

/** The person a row is about, and where their own-data export (POST /api/v1/auth/export) shows it (P7). */
export type OwnerDeclaration =
  | { column: string; exportPath: string }
  /** Only for rows that are not the person's information but credentials in passing (a login step ticket). */
  | { column: string; exportPath: null; notExportedBecause: string };

export interface TableInventory {
  /** Why the platform holds the table. */
  purpose: string;
  columns: Record<string, PiCategory>;
  /** Columns that exist on one database only (PostgreSQL's tsvector columns). */
  onlyOn?: Partial<Record<DialectName, Record<string, PiCategory>>>;
  /** The whole table exists on one database only (SQLite's FTS5 tables). */
  only?: DialectName;
  /** How long rows are kept, in words (docs/security-decisions.md repeats the finite ones). */
  retention: string;
  /** Set when the retention is finite: run by the retention job (retention-worker.ts). */
  purge?: PurgeRule;
  owner?: OwnerDeclaration;
}

/** Table name → its inventory. A table that one module extends (institutions) may appear in two; columns never do. */
export type PiInventory = Record<string, TableInventory>;

export interface InventoriedColumn { table: string; column: string; category: PiCategory; source: string }

/** Every column declared for `dialect`, with the inventory that declared it; a column declared twice is an error. */
export function declaredColumns(inventories: ReadonlyArray<{ source: string; inventory: PiInventory }>, dialect: DialectName): InventoriedColumn[] {
  const seen = new Map<string, string>();
  const result: InventoriedColumn[] = [];
  for (const { source, inventory } of inventories) {
    for (const [table, spec] of Object.entries(inventory)) {
      if (spec.only && spec.only !== dialect) continue;
      for (const [column, category] of Object.entries({ ...spec.columns, ...spec.onlyOn?.[dialect] })) {
        const key = `${table}.${column}`;
        const other = seen.get(key);
        if (other) throw new Error(`${key} is declared by both ${other} and ${source}`);
        seen.set(key, source);
        result.push({ table, column, category, source });
      }
    }
  }
  return result;
}

/** Every table entry with a purge rule, across inventories. */
export function purgeRules(inventories: ReadonlyArray<PiInventory>): Array<{ table: string; purge: PurgeRule }> {
  return inventories.flatMap((inventory) => Object.entries(inventory).flatMap(([table, spec]) => (spec.purge ? [{ table, purge: spec.purge }] : [])));
}

/** `{ ...none('id', 'title'), ...personal('created_by') }`: a table's columns grouped by category, shorter to read. */
const tagged = (category: PiCategory) => (...columns: string[]): Record<string, PiCategory> =>
  Object.fromEntries(columns.map((column) => [column, category]));
export const none = tagged('none');
export const personal = tagged('personal');
export const sensitive = tagged('sensitive');
