import { CompiledQuery, type Kysely } from 'kysely';
import { dialectOf } from './dialect.js';

/**
 * Group commit for short write transactions ("jobs").
 *
 * On SQLite every commit at synchronous=FULL costs an fsync, and the single connection makes transactions take
 * turns, so many concurrent small transactions are bound by fsyncs. Here the jobs that arrive while a batch runs
 * (or within one event-loop turn) share ONE transaction: `BEGIN IMMEDIATE`; per job a `SAVEPOINT`, the job, then
 * `RELEASE` (success) or `ROLLBACK TO` + `RELEASE` (its error goes to that caller only, its writes are undone, the
 * other jobs are unaffected); one `COMMIT`; and only then is each caller answered. An acknowledged job is therefore
 * as durable as with its own transaction, and a crash before the COMMIT loses only jobs nobody was told about.
 * Jobs run one after another in arrival order, each seeing the writes of the jobs before it, so conditional updates
 * (`… where seats_taken < seats`) decide exactly as they would in separate transactions.
 *
 * On PostgreSQL every job gets its own transaction (row locks serialise the conflicting ones, and the server
 * already groups concurrent commits into one WAL flush).
 *
 * Rules for a job:
 * - Pure database work through the `trx` it is given. No external side effects (HTTP calls, files, e-mail) inside:
 *   the job may be undone after it returned, or run a second time (see below).
 * - Never use the outer `db` (or `core.db`) inside a job, and never call runInWriteBatch from a job: on SQLite the
 *   batch holds the only connection, so either would wait for itself for ever.
 * - If a whole batch fails (its COMMIT, or a job that broke the transaction itself), nothing of it was committed and
 *   each of its jobs is run again alone, so every caller gets the answer it would have got without batching.
 */
export type WriteJob<DB, T> = (trx: Kysely<DB>) => Promise<T>;

/** Jobs per SQLite transaction: bounds how long other queries wait for the connection and how much one failure redoes. */
export const MAX_WRITE_BATCH = 64;

/**
 * Runs `job` in a write transaction (shared with concurrent jobs on SQLite, see above) and resolves with its result
 * once that transaction is committed; rejects with the job's own error, its writes undone.
 */
export function runInWriteBatch<DB, T>(target: Kysely<DB> | { db: Kysely<DB> }, job: WriteJob<DB, T>): Promise<T> {
  const db = isKysely(target) ? target : target.db;
  if (dialectOf(db) === 'postgres') return db.transaction().execute((trx) => job(trx));
  return new Promise<T>((resolve, reject) => {
    batcherOf(db).add({ run: job as WriteJob<unknown, unknown>, resolve: resolve as (value: unknown) => void, reject });
  });
}

function isKysely<DB>(value: Kysely<DB> | { db: Kysely<DB> }): value is Kysely<DB> {
  return typeof (value as Kysely<DB>).selectFrom === 'function';
}

interface QueuedJob {
  run: WriteJob<unknown, unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

// One queue per Kysely instance (= per SQLite connection in this app).
const batchers = new WeakMap<object, SqliteBatcher>();

function batcherOf(db: Kysely<any>): SqliteBatcher {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new SqliteBatcher(db);
    batchers.set(db, batcher);
  }
  return batcher;
}

class SqliteBatcher {
  private queue: QueuedJob[] = [];
  /** A flush is scheduled or running; later jobs wait in the queue for the next one. */
  private busy = false;

  constructor(private readonly db: Kysely<any>) {}

  add(job: QueuedJob) {
    this.queue.push(job);
    if (!this.busy) this.schedule();
  }

  // setImmediate, not a microtask: the requests that arrived meanwhile get to run up to their own add() first.
  // (So a test that fakes setImmediate must let it run, or no batch ever starts.)
  private schedule() {
    this.busy = true;
    setImmediate(() => { void this.flush(); });
  }

  private async flush() {
    try {
      await this.settle(this.queue.splice(0, MAX_WRITE_BATCH));
    } finally {
      if (this.queue.length > 0) this.schedule();
      else this.busy = false;
    }
  }

  private async settle(jobs: QueuedJob[]): Promise<void> {
    let outcomes: Outcome[];
    try {
      outcomes = await commitBatch(this.db, jobs);
    } catch (error) {
      if (jobs.length === 1) {
        jobs[0].reject(error);
        return;
      }
      // Nothing of the batch was committed: each job again in a transaction of its own.
      for (const job of jobs) await this.settle([job]);
      return;
    }
    outcomes.forEach((outcome, i) => {
      if (outcome.ok) jobs[i].resolve(outcome.value);
      else jobs[i].reject(outcome.error);
    });
  }
}

// Compiled once: these run for every job.
const BEGIN = CompiledQuery.raw('begin immediate');
const COMMIT = CompiledQuery.raw('commit');
const ROLLBACK = CompiledQuery.raw('rollback');
const SAVEPOINT = CompiledQuery.raw('savepoint write_batch_job');
const ROLLBACK_TO = CompiledQuery.raw('rollback to write_batch_job');
const RELEASE = CompiledQuery.raw('release write_batch_job');

/** Runs the jobs in one transaction; resolves with their outcomes only once the COMMIT returned. */
async function commitBatch(db: Kysely<any>, jobs: QueuedJob[]): Promise<Outcome[]> {
  // connection() holds Kysely's SQLite connection mutex for the whole batch: other queries wait, none slips in.
  return db.connection().execute(async (conn) => {
    // IMMEDIATE takes the write lock up front, so another process's write cannot invalidate our reads half-way.
    await conn.executeQuery(BEGIN);
    try {
      const outcomes: Outcome[] = [];
      for (const job of jobs) outcomes.push(await runInSavepoint(conn, job));
      await conn.executeQuery(COMMIT);
      return outcomes;
    } catch (error) {
      // An error may already have ended the transaction; then there is nothing to roll back.
      await conn.executeQuery(ROLLBACK).catch(() => undefined);
      throw error;
    }
  });
}

async function runInSavepoint(conn: Kysely<any>, job: QueuedJob): Promise<Outcome> {
  await conn.executeQuery(SAVEPOINT);
  let outcome: Outcome;
  try {
    outcome = { ok: true, value: await job.run(conn) };
  } catch (error) {
    // Undo this job only. If that fails the transaction is broken, and the batch fails as a whole.
    await conn.executeQuery(ROLLBACK_TO);
    outcome = { ok: false, error };
  }
  await conn.executeQuery(RELEASE);
  return outcome;
}
