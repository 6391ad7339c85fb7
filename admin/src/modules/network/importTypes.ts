export const IMPORT_KINDS = ['institutions', 'people', 'partners'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type ImportStatus = 'validating' | 'ready' | 'invalid' | 'committing' | 'committed' | 'failed';

/** One bad row of a workbook: the Excel row number, the column's header label and the reason. */
export interface ImportRowError {
  row: number;
  column: string;
  field: string;
  code: string;
  /** In the language of the request. */
  message: string;
  /** What the cell held (ID numbers and phones masked by the server). */
  value: string;
}

/** An import job without its row errors (the upload and commit answers, the recent list). */
export interface ImportSummary {
  id: string;
  kind: ImportKind;
  status: ImportStatus;
  fileName: string;
  total: number;
  processed: number;
  validRows: number;
  /** All row errors; `errors` lists the first 1,000. */
  errorCount: number;
  committed: number;
  createdAt: string;
  finishedAt: string | null;
}

/** An import job as `GET /api/v1/network/imports/:id` reports it. */
export interface ImportJob extends ImportSummary {
  errors: ImportRowError[];
}

/** Still working: the page polls until the status is one of the others. */
export function isBusy(status: ImportStatus): boolean {
  return status === 'validating' || status === 'committing';
}
