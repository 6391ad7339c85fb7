import { CompiledQuery, type Kysely } from 'kysely';
import { dialectOf } from './dialect.js';

/**
 * Group commit for short write transactions ("jobs"), on SQLite and PostgreSQL.
 *
 * The jobs that arrive while a batch runs (or within one event-loop turn) share ONE transaction: `BEGIN`; per job a
 * `SAVEPOINT`, the job, then `RELEASE` (success) or `ROLLBACK TO` + `RELEASE` (its error goes to that caller only,
 * its writes are undone, the other jobs are unaffected); one `COMMIT`; and only then is each caller answered. An
 * acknowledged job is therefore as durable as with its own transaction, and a crash before the COMMIT loses only
 * jobs nobody was told about. Jobs run one after another, each seeing the writes of the jobs before it, so
 * conditional updates (`… where seats_taken < seats`) decide exactly as they would in separate transactions.
 *
 * SQLite: every commit at synchronous=FULL costs an fsync and the single connection makes transactions take turns,
 * so one batch at a time, jobs in arrival order, `BEGIN IMMEDIATE`.
 * PostgreSQL: a job holds its row locks (a class row) until its commit, so with one transaction per job a rush on one
 * class was a queue of whole transactions, each eight round trips plus a commit long. Here the jobs of one `key` (the
 * class) queue in a lane of their own and share transactions, so the lock is taken once per batch and one commit
 * serves up to 64 enrolments; lanes of different keys run in parallel on their own pool connections. A batch holds
 * one key, so batches (of this process or of another process on the same database) cannot deadlock on class locks.
 * Savepoint bookkeeping rides along in the round trip of its neighbour (`release …; savepoint …`). A job whose
 * statement still hits a deadlock or serialization failure (on rows beyond its key's, e.g. one resident's quota row
 * wanted by two lanes) is undone alone and run again after its batch, up to MAX_ATTEMPTS times.
 *
 * Rules for a job:
 * - Pure database work through the `trx` it is given. No external side effects (HTTP calls, files, e-mail) inside:
 *   the job may be undone after it returned, or run a second time (see below).
 * - Never use the outer `db` (or `core.db`) inside a job, and never call runInWriteBatch from a job: on SQLite the
 *   batch holds the only connection, so either would wait for itself for ever.
 * - A job that takes a lock every kind of transaction needs (the audit log's head row) passes `alone: true`: on
 *   PostgreSQL it then gets a transaction of its own, so no batch holds that lock while it waits for other rows.
 * - If a whole batch fails (its COMMIT, or a job that broke the transaction itself), nothing of it was committed and
 *   each of its jobs is run again alone, so every caller gets the answer it would have got without batching.
 */
export type WriteJob<DB, T> = (trx: Kysely<DB>) => Promise<T>;

export interface WriteBatchOptions {
  /**
   * The main row the job locks (a class id). Jobs of one key take turns in arrival order, in shared transactions; on
   * PostgreSQL other keys run at the same time in their own. Only a routing hint: correctness never depends on it.
   * Jobs without a key share one lane of their own.
   */
  key?: string;
  /** PostgreSQL: run in a transaction of its own (the job locks a row everybody needs, such as the audit head). */
  alone?: boolean;
}

/** Jobs per transaction: bounds how long others wait for the lane's locks and how much one failure redoes (and on
 *  PostgreSQL stays within the 64 subtransactions a backend tracks without overflowing to pg_subtrans). */
export const MAX_WRITE_BATCH = 64;
/** Runs of a job that keeps losing deadlocks before its caller gets the error. */
export const MAX_ATTEMPTS = 4;

/**
 * Runs `job` in a write transaction (shared with concurrent jobs, see above) and resolves with its result once that
 * transaction is committed; rejects with the job's own error, its writes undone.
 */
export function runInWriteBatch<DB, T>(target: Kysely<DB> | { db: Kysely<DB> }, job: WriteJob<DB, T>, options: WriteBatchOptions = {}): Promise<T> {
  const db = isKysely(target) ? target : target.db;
  const lanes = lanesOf(db);
  if (options.alone && lanes.sql.postgres) return runAlone(db, job);
  return new Promise<T>((resolve, reject) => {
    lanes.pick(options.key).add({
      run: job as WriteJob<unknown, unknown>, attempts: 0,
      resolve: resolve as (value: unknown) => void, reject,
    });
  });
}

function isKysely<DB>(value: Kysely<DB> | { db: Kysely<DB> }): value is Kysely<DB> {
  return typeof (value as Kysely<DB>).selectFrom === 'function';
}

/** PostgreSQL: deadlock_detected and serialization_failure; the transaction did nothing, running it again may succeed. */
function isTransient(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === '40P01' || code === '40001';
}

async function runAlone<DB, T>(db: Kysely<DB>, job: WriteJob<DB, T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute((trx) => job(trx));
    } catch (error) {
      if (!isTransient(error) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

interface QueuedJob {
  run: WriteJob<unknown, unknown>;
  attempts: number;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** The statements a batch sends around its jobs, per database. */
interface BatchSql {
  postgres: boolean;
  begin: CompiledQuery;
  commit: CompiledQuery;
  rollback: CompiledQuery;
  savepoint: CompiledQuery;
  rollbackTo: CompiledQuery;
  release: CompiledQuery;
}

function batchSql(postgres: boolean): BatchSql {
  return {
    postgres,
    // SQLite: IMMEDIATE takes the write lock up front, so another process's write cannot invalidate our reads half-way.
    begin: CompiledQuery.raw(postgres ? 'begin' : 'begin immediate'),
    commit: CompiledQuery.raw('commit'),
    rollback: CompiledQuery.raw('rollback'),
    savepoint: CompiledQuery.raw('savepoint write_batch_job'),
    rollbackTo: CompiledQuery.raw('rollback to write_batch_job'),
    release: CompiledQuery.raw('release write_batch_job'),
  };
}

// Compiled once: these run for every job.
const SQLITE_SQL = batchSql(false);
const POSTGRES_SQL = batchSql(true);

/**
 * The lanes of one database handle. SQLite: one (one connection, one writer). PostgreSQL: one per key, made when a job
 * of that key arrives and dropped when it runs dry, so batches of different keys (classes) run side by side on as
 * many connections as the pool gives (it queues the rest), and a batch never holds more than one key's lock.
 */
class Lanes {
  private readonly byKey = new Map<string, Lane>();
  private readonly only: Lane | null;
  constructor(private readonly db: Kysely<any>, readonly sql: BatchSql) {
    this.only = sql.postgres ? null : new Lane(db, sql, () => undefined);
  }

  pick(key = ''): Lane {
    if (this.only) return this.only;
    let lane = this.byKey.get(key);
    if (!lane) {
      const made = new Lane(this.db, this.sql, () => { if (this.byKey.get(key) === made) this.byKey.delete(key); });
      this.byKey.set(key, made);
      lane = made;
    }
    return lane;
  }
}

// One set of lanes per Kysely instance (= per SQLite connection, per PostgreSQL pool).
const lanesByDb = new WeakMap<object, Lanes>();

function lanesOf(db: Kysely<any>): Lanes {
  let lanes = lanesByDb.get(db);
  if (!lanes) {
    lanes = new Lanes(db, dialectOf(db) === 'postgres' ? POSTGRES_SQL : SQLITE_SQL);
    lanesByDb.set(db, lanes);
  }
  return lanes;
}

class Lane {
  private queue: QueuedJob[] = [];
  /** A flush is scheduled or running; later jobs wait in the queue for the next one. */
  private busy = false;

  constructor(private readonly db: Kysely<any>, private readonly sql: BatchSql, private readonly onIdle: () => void) {}

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
      else {
        this.busy = false;
        this.onIdle();
      }
    }
  }

  private async settle(jobs: QueuedJob[]): Promise<void> {
    for (const job of jobs) job.attempts++;
    let outcomes: Outcome[];
    try {
      outcomes = await commitBatch(this.db, this.sql, jobs);
    } catch (error) {
      if (jobs.length === 1) {
        if (isTransient(error) && jobs[0].attempts < MAX_ATTEMPTS) await this.settle(jobs);
        else jobs[0].reject(error);
        return;
      }
      // Nothing of the batch was committed: each job again in a transaction of its own.
      for (const job of jobs) await this.settle([job]);
      return;
    }
    const again: QueuedJob[] = [];
    outcomes.forEach((outcome, i) => {
      if (outcome.ok) jobs[i].resolve(outcome.value);
      else if (isTransient(outcome.error) && jobs[i].attempts < MAX_ATTEMPTS) again.push(jobs[i]);
      else jobs[i].reject(outcome.error);
    });
    // Lost a deadlock: undone alone, the rest committed; now once more (its partner has committed or moved on).
    for (const job of again) await this.settle([job]);
  }
}

/**
 * Sends `statements` in one round trip on PostgreSQL (a simple query may hold several; none has parameters),
 * one by one on SQLite (better-sqlite3 prepares one statement at a time, and in-process calls cost nothing).
 */
async function send(conn: Kysely<any>, sql: BatchSql, statements: CompiledQuery[]) {
  if (sql.postgres && statements.length > 1) {
    await conn.executeQuery(CompiledQuery.raw(statements.map((s) => s.sql).join('; ')));
    return;
  }
  for (const statement of statements) await conn.executeQuery(statement);
}

/** Runs the jobs in one transaction; resolves with their outcomes only once the COMMIT returned. */
async function commitBatch(db: Kysely<any>, sql: BatchSql, jobs: QueuedJob[]): Promise<Outcome[]> {
  // connection() holds one connection for the whole batch (on SQLite Kysely's mutex: other queries wait, none slips in).
  return db.connection().execute(async (conn) => {
    let pending: CompiledQuery[] = [sql.begin];
    try {
      const outcomes: Outcome[] = [];
      for (const job of jobs) {
        await send(conn, sql, [...pending, sql.savepoint]);
        try {
          outcomes.push({ ok: true, value: await job.run(conn) });
        } catch (error) {
          // Undo this job only (on PostgreSQL this also releases the row locks it took). If that fails the
          // transaction is broken, and the batch fails as a whole.
          await conn.executeQuery(sql.rollbackTo);
          outcomes.push({ ok: false, error });
        }
        pending = [sql.release];
      }
      await send(conn, sql, [...pending, sql.commit]);
      return outcomes;
    } catch (error) {
      // An error may already have ended the transaction; then there is nothing to roll back.
      await conn.executeQuery(sql.rollback).catch(() => undefined);
      throw error;
    }
  });
}
