import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Actor, RequestContext } from '../../../core/access/actor.js';
import { appendAudit } from '../../../core/audit/audit-log.js';
import type { CoreContext } from '../../../core/context.js';
import type { Database } from '../../../core/db/schema.js';
import type { SheetRow } from '../../../core/xlsx/read-sheet.js';
import { finishJob, setProgress } from './import-jobs.js';
import { IMPORT_HANDLERS } from './import-handlers.js';
import { RowReader, type Draft, type ImportContext, type RowError } from './import-rows.js';
import { importDb, type ImportDb, type NetworkImportJobsTable } from './import-schema.js';

/** Rows validated between two progress updates; the event loop gets a turn after each chunk. */
const CHUNK = 500;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The commit found rows that are no longer valid: nothing is written, the job goes back to `invalid`. */
class CommitRefused extends Error {
  constructor(readonly errors: RowError[]) {
    super('import refused at commit');
  }
}

function byRow(a: RowError, b: RowError): number {
  return a.row - b.row;
}

/**
 * Runs the imports' background work in this process and remembers it, so closing the server waits for a
 * validation or a commit in flight instead of pulling the database from under it.
 */
export class ImportRunner {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly core: CoreContext, private readonly log: FastifyBaseLogger) {}

  private start(jobId: string, from: 'validating' | 'committing', work: () => Promise<void>): void {
    const task = work().catch(async (error: unknown) => {
      this.log.error({ err: error, jobId }, 'network import failed');
      await finishJob(importDb(this.core), jobId, from, 'failed', this.core.clock.now(), { rows: null }).catch(() => undefined);
    }).finally(() => this.running.delete(task));
    this.running.add(task);
  }

  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** Reads every row (chunked, progress saved after each chunk), then stores the valid drafts or the errors. */
  validate(job: Pick<NetworkImportJobsTable, 'id' | 'kind'>, rows: SheetRow[], actor: Actor): void {
    this.start(job.id, 'validating', async () => {
      const db = importDb(this.core);
      const handler = IMPORT_HANDLERS[job.kind];
      const ctx = this.context(actor);
      const lookups = await handler.load(db, ctx);
      const firstRowOf = new Map<string, number>();
      const drafts: Draft[] = [];
      const errors: RowError[] = [];
      for (let start = 0; start < rows.length; start += CHUNK) {
        const parsed: Draft[] = [];
        for (const sheetRow of rows.slice(start, start + CHUNK)) {
          const reader = new RowReader(sheetRow, handler.columns);
          const draft = handler.parse(reader, lookups, ctx);
          if (draft) {
            for (const { key, field } of handler.uniqueKeys(draft)) {
              const first = firstRowOf.get(key);
              if (first !== undefined) reader.fail(field, 'network.import.duplicate_in_file', { row: first }, 'duplicate');
              else firstRowOf.set(key, draft.row);
            }
          }
          errors.push(...reader.errors);
          if (draft && reader.ok) parsed.push(draft);
        }
        const refused = await handler.check(db, parsed, ctx);
        const badRows = new Set(refused.map((e) => e.row));
        errors.push(...refused);
        drafts.push(...parsed.filter((d) => !badRows.has(d.row)));
        await setProgress(db, job.id, Math.min(rows.length, start + CHUNK), this.core.clock.now());
        await nextTurn();
      }
      errors.sort(byRow);
      const ok = errors.length === 0;
      await finishJob(db, job.id, 'validating', ok ? 'ready' : 'invalid', this.core.clock.now(), {
        errors, rows: ok ? drafts : null, validRows: drafts.length, processed: rows.length,
      });
    });
  }

  /**
   * All or nothing, in one transaction: the drafts are checked again against the database as it is now
   * (someone may have recorded a duplicate since the preview), then written with one audit entry for the import.
   */
  commit(job: NetworkImportJobsTable, ctx: RequestContext & { actor: Actor }): void {
    this.start(job.id, 'committing', async () => {
      const db = importDb(this.core);
      const handler = IMPORT_HANDLERS[job.kind];
      const drafts = JSON.parse(job.rows_json ?? '[]') as Draft[];
      try {
        const ids = await db.transaction().execute(async (trx) => {
          const tx = trx as unknown as ImportDb;
          const errors = await handler.check(tx, drafts, this.context(ctx.actor));
          if (errors.length > 0) throw new CommitRefused(errors.sort(byRow));
          const now = this.core.clock.now();
          const created = await handler.insert(tx, drafts, ctx, now);
          await appendAudit(trx as unknown as Kysely<Database>, ctx, {
            action: 'network.import.commit', targetType: 'network_import', targetId: job.id,
            after: { kind: job.kind, fileName: job.file_name, count: created.length, ids: created },
          }, now);
          await finishJob(tx, job.id, 'committing', 'committed', now, { rows: null, committed: created.length });
          return created;
        });
        this.log.info({ jobId: job.id, kind: job.kind, count: ids.length }, 'network import committed');
      } catch (error) {
        if (!(error instanceof CommitRefused)) throw error;
        await finishJob(db, job.id, 'committing', 'invalid', this.core.clock.now(), {
          errors: error.errors, rows: null, validRows: drafts.length - new Set(error.errors.map((e) => e.row)).size,
        });
      }
    });
  }

  private context(actor: Actor): ImportContext {
    return { actor, crypto: this.core.fieldCrypto, today: this.core.clock.now() };
  }
}
