import type { IndicatorValue, IndicatorValueEntry } from './standardsTypes';

/** One indicator's row in the form. */
export interface IndicatorRow {
  value: number | boolean | null | undefined;
  evidenceNote: string | undefined;
  evidenceFileId: string | null | undefined;
}

export function rowsFrom(items: readonly IndicatorValue[]): IndicatorRow[] {
  return items.map((i) => ({ value: i.value, evidenceNote: i.evidenceNote, evidenceFileId: i.evidenceFileId }));
}

/**
 * The entries to send: only rows that hold a value and differ from what was loaded (an untouched row would
 * risk a needless 409 when someone else changed that indicator meanwhile). `formIndex` maps each entry back
 * to its row for field errors.
 */
export function changedEntries(items: readonly IndicatorValue[], rows: readonly IndicatorRow[]):
  { entries: IndicatorValueEntry[]; formIndex: number[] } {
  const entries: IndicatorValueEntry[] = [];
  const formIndex: number[] = [];
  items.forEach((item, i) => {
    const row = rows[i];
    if (!row || row.value === null || row.value === undefined) return;
    const note = (row.evidenceNote ?? '').trim();
    const fileId = row.evidenceFileId ?? null;
    if (row.value === item.value && note === item.evidenceNote && fileId === item.evidenceFileId) return;
    entries.push({ code: item.code, value: row.value, evidenceNote: note, evidenceFileId: fileId, version: item.version });
    formIndex.push(i);
  });
  return { entries, formIndex };
}
