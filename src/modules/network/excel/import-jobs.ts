import type { Actor } from '../../../core/access/actor.js';
import { notFound } from '../../../core/http/errors.js';
import { t, type Locale } from '../../../core/i18n/i18n.js';
import type { ImportDb, ImportKind, ImportStatus, NetworkImportJobsTable } from './import-schema.js';
import type { RowError } from './import-rows.js';

/** Jobs older than this are deleted when the next upload arrives (the records they created stay, of course). */
export const KEEP_JOBS_DAYS = 7;
/** A job still validating or committing after this long lost its process (a restart): it is reported as failed. */
export const STALE_AFTER_MS = 15 * 60_000;
/** The preview lists this many row errors at most; errorCount still says how many there are. */
export const MAX_LISTED_ERRORS = 1000;

type JobRow = NetworkImportJobsTable;

/** PostgreSQL returns timestamptz as Date, SQLite the stored ISO text. */
function iso(value: string | Date | null): string | null {
  if (value === null) return null;
  return value instanceof Date ? value.toISOString() : value;
}

export async function insertJob(db: ImportDb, job: { id: string; kind: ImportKind; fileName: string; createdBy: string; total: number }, now: Date) {
  const at = now.toISOString();
  // Old jobs go first: they hold validated rows nobody will commit any more.
  await db.deleteFrom('network_import_jobs').where('created_at', '<', new Date(now.getTime() - KEEP_JOBS_DAYS * 86_400_000).toISOString()).execute();
  await db.insertInto('network_import_jobs').values({
    id: job.id, kind: job.kind, status: 'validating', file_name: job.fileName, created_by: job.createdBy, total: job.total, processed: 0,
    valid_rows: 0, error_count: 0, errors_json: '[]', rows_json: null, committed: 0, created_at: at, updated_at: at, finished_at: null,
  }).execute();
}

export async function setProgress(db: ImportDb, id: string, processed: number, now: Date) {
  await db.updateTable('network_import_jobs').set({ processed, updated_at: now.toISOString() })
    .where('id', '=', id).where('status', '=', 'validating').execute();
}

/** Ends a phase: `from` guards the transition, so a job is never moved from a state it is no longer in. */
export async function finishJob(db: ImportDb, id: string, from: ImportStatus, to: ImportStatus, now: Date,
  result: { errors?: RowError[]; errorCount?: number; rows?: unknown[] | null; validRows?: number; committed?: number; processed?: number }) {
  const at = now.toISOString();
  await db.updateTable('network_import_jobs').set({
    status: to, updated_at: at, finished_at: at,
    ...(result.errors ? { errors_json: JSON.stringify(result.errors.slice(0, MAX_LISTED_ERRORS)), error_count: result.errorCount ?? result.errors.length } : {}),
    ...(result.rows !== undefined ? { rows_json: result.rows === null ? null : JSON.stringify(result.rows) } : {}),
    ...(result.validRows !== undefined ? { valid_rows: result.validRows } : {}),
    ...(result.committed !== undefined ? { committed: result.committed } : {}),
    ...(result.processed !== undefined ? { processed: result.processed } : {}),
  }).where('id', '=', id).where('status', '=', from).execute();
}

/** ready → committing, for one caller only: two commits racing cannot both start. */
export async function claimForCommit(db: ImportDb, id: string, now: Date): Promise<boolean> {
  const result = await db.updateTable('network_import_jobs').set({ status: 'committing', updated_at: now.toISOString() })
    .where('id', '=', id).where('status', '=', 'ready').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Who may see a job: the uploader, and the city admin (whose scope covers every uploader's). */
function canSee(actor: Actor, job: Pick<JobRow, 'created_by'>): boolean {
  return job.created_by === actor.userId || actor.grants.some((g) => g.role === 'city_admin');
}

/** The job if the actor may see it, else 404 like a missing one. A job orphaned by a restart is marked failed here. */
export async function loadVisibleJob(db: ImportDb, actor: Actor, id: string, now: Date): Promise<JobRow> {
  const job = await db.selectFrom('network_import_jobs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!job || !canSee(actor, job)) throw notFound('network.import.not_found');
  return markIfStale(db, job, now);
}

async function markIfStale(db: ImportDb, job: JobRow, now: Date): Promise<JobRow> {
  const busy = job.status === 'validating' || job.status === 'committing';
  if (!busy || Date.parse(iso(job.updated_at)!) > now.getTime() - STALE_AFTER_MS) return job;
  await finishJob(db, job.id, job.status, 'failed', now, { rows: null });
  return { ...job, status: 'failed', rows_json: null, finished_at: now.toISOString() };
}

export async function recentJobs(db: ImportDb, actor: Actor, now: Date): Promise<JobRow[]> {
  const rows = await db.selectFrom('network_import_jobs').selectAll().where('created_by', '=', actor.userId)
    .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(20).execute();
  return Promise.all(rows.map((row) => markIfStale(db, row, now)));
}

export function presentJobSummary(job: JobRow) {
  return {
    id: job.id, kind: job.kind, status: job.status, fileName: job.file_name, total: Number(job.total), processed: Number(job.processed),
    validRows: Number(job.valid_rows), errorCount: Number(job.error_count), committed: Number(job.committed),
    createdAt: iso(job.created_at)!, finishedAt: iso(job.finished_at),
  };
}

/** The job with its row errors, each message in the reader's language (stored as ids, rendered per request). */
export function presentJob(job: JobRow, locale: Locale) {
  const errors = JSON.parse(job.errors_json) as RowError[];
  return {
    ...presentJobSummary(job),
    errors: errors.map((e) => ({ row: e.row, column: e.column, field: e.field, code: e.code, message: t(locale, e.messageId, e.params), value: e.value })),
  };
}
