import path from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Kysely, PostgresDialect, SqliteDialect, sql, type LogEvent } from 'kysely';
import { createTestDatabase, testDialects, type TestDatabase } from '../../../test/support/databases.js';
import { openSqlite } from './database.js';
import { MAX_ATTEMPTS, MAX_WRITE_BATCH, runInWriteBatch } from './write-batcher.js';

interface TestTables {
  wb_rows: { id: string; note: string };
  wb_class: { id: string; seats: number; taken: number };
}

describe.each(testDialects())('runInWriteBatch on %s', (kind) => {
  let t: TestDatabase;
  /** The batcher's database, logging every statement it sends; `log` also gets the moments callers hear back. */
  let db: Kysely<TestTables>;
  /** A second connection (the test database handle), to look from outside the batch. */
  let other: Kysely<TestTables>;
  let log: string[];

  beforeEach(async () => {
    t = await createTestDatabase(kind);
    log = [];
    // PostgreSQL gets savepoint bookkeeping in one round trip with its neighbour ('release …; savepoint …'): one entry each.
    const onLog = (event: LogEvent) => { if (event.level === 'query') log.push(...event.query.sql.toLowerCase().split('; ')); };
    db = new Kysely<TestTables>({
      dialect: kind === 'sqlite'
        ? new SqliteDialect({ database: openSqlite(path.join(t.dataDir, 'learning-city.sqlite')) })
        : new PostgresDialect({ pool: new pg.Pool({ connectionString: process.env.TEST_DATABASE_URL, options: `-c search_path=${t.handle.pgSchema}` }) }),
      log: onLog,
    });
    other = t.handle.db as unknown as Kysely<TestTables>;
    await db.schema.createTable('wb_rows').addColumn('id', 'text', (c) => c.primaryKey()).addColumn('note', 'text', (c) => c.notNull()).execute();
    await db.schema.createTable('wb_class').addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seats', 'integer', (c) => c.notNull()).addColumn('taken', 'integer', (c) => c.notNull()).execute();
    log.length = 0;
  });
  afterEach(async () => {
    await db.destroy();
    await t.drop();
  });

  const count = (sqlStart: string) => log.filter((s) => s.startsWith(sqlStart)).length;
  const rowIds = async () => (await other.selectFrom('wb_rows').select('id').orderBy('id').execute()).map((r) => r.id);

  it('a failing job is undone alone: its caller gets its error, the other jobs of the batch are committed', async () => {
    const refused = new Error('refused by job 3');
    const jobs = Array.from({ length: 8 }, (_, i) => runInWriteBatch(db, async (trx) => {
      await trx.insertInto('wb_rows').values({ id: `r${i}`, note: 'written' }).execute();
      if (i === 3) throw refused;
      // A statement error (duplicate key) after a successful write of the same job.
      if (i === 5) await trx.insertInto('wb_rows').values({ id: 'r0', note: 'duplicate' }).execute();
      return i;
    }));
    const results = await Promise.allSettled(jobs);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((results[3] as PromiseRejectedResult).reason).toBe(refused);
    expect(results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<number>).value)).toEqual([0, 1, 2, 4, 6, 7]);
    expect(await rowIds()).toEqual(['r0', 'r1', 'r2', 'r4', 'r6', 'r7']);
    expect(count('begin')).toBe(1); // all eight in one transaction
    expect(count('rollback to')).toBe(2);
    expect(count('commit')).toBe(1);
  });

  it('answers callers only after the COMMIT; before it, another connection does not see the writes', async () => {
    const seenOutside: boolean[] = [];
    const visibleWhenAnswered: boolean[] = [];
    const jobs = Array.from({ length: 6 }, (_, i) => runInWriteBatch(db, async (trx) => {
      await trx.insertInto('wb_rows').values({ id: `r${i}`, note: 'written' }).execute();
      seenOutside.push(Boolean(await other.selectFrom('wb_rows').select('id').where('id', '=', `r${i}`).executeTakeFirst()));
      return i;
    }).then(async (value) => {
      log.push(`answered ${value}`);
      visibleWhenAnswered.push(Boolean(await other.selectFrom('wb_rows').select('id').where('id', '=', `r${value}`).executeTakeFirst()));
    }));
    await Promise.all(jobs);
    expect(seenOutside).toEqual([false, false, false, false, false, false]);
    expect(visibleWhenAnswered).toEqual([true, true, true, true, true, true]);
    // Each answer comes after a commit, and there are as many commits before it as its transaction needs.
    const answers = log.map((s, i) => [s, i] as const).filter(([s]) => s.startsWith('answered'));
    expect(answers).toHaveLength(6);
    const firstAnswer = answers[0][1];
    const commitsBeforeFirstAnswer = log.slice(0, firstAnswer).filter((s) => s === 'commit').length;
    expect(commitsBeforeFirstAnswer).toBeGreaterThanOrEqual(1);
    for (const [, at] of answers) expect(log.slice(0, at).lastIndexOf('commit')).toBeGreaterThan(log.slice(0, at).lastIndexOf('release write_batch_job'));
    expect(count('commit')).toBe(1); // one transaction for the six, on PostgreSQL too
  });

  it(`never oversells: 150 concurrent conditional-update jobs for 10 seats, in batches of at most ${MAX_WRITE_BATCH}`, async () => {
    await db.insertInto('wb_class').values({ id: 'c', seats: 10, taken: 0 }).execute();
    log.length = 0;
    const jobs = Array.from({ length: 150 }, (_, i) => runInWriteBatch(db, async (trx) => {
      const r = await trx.updateTable('wb_class').set({ taken: sql<number>`taken + 1` })
        .where('id', '=', 'c').where(sql<boolean>`taken < seats`).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw new Error('full');
      await trx.insertInto('wb_rows').values({ id: `seat-${String(i).padStart(3, '0')}`, note: 'seated' }).execute();
      return i;
    }));
    const results = await Promise.allSettled(jobs);
    const seated = results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<number>).value);
    expect(seated).toHaveLength(10);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.message)).toEqual(Array(140).fill('full'));
    expect((await other.selectFrom('wb_class').select('taken').executeTakeFirstOrThrow()).taken).toBe(10);
    expect(await rowIds()).toHaveLength(10);
    // First come, first served inside the batches too.
    expect(seated).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    let inBatch = 0;
    let largest = 0;
    for (const s of log) {
      if (s.startsWith('begin')) inBatch = 0;
      else if (s.startsWith('savepoint')) largest = Math.max(largest, ++inBatch);
    }
    expect(largest).toBeLessThanOrEqual(MAX_WRITE_BATCH);
    expect(count('begin')).toBeGreaterThanOrEqual(Math.ceil(150 / MAX_WRITE_BATCH));
  });

  it('ordinary queries and transactions running alongside the batches are neither blocked for ever nor mixed in', async () => {
    const work = [];
    for (let i = 0; i < 40; i++) {
      work.push(runInWriteBatch(db, (trx) => trx.insertInto('wb_rows').values({ id: `b${String(i).padStart(2, '0')}`, note: 'batched' }).execute()));
      work.push(db.transaction().execute((trx) => trx.insertInto('wb_rows').values({ id: `o${String(i).padStart(2, '0')}`, note: 'own' }).execute()));
      work.push(db.selectFrom('wb_rows').select('id').execute());
    }
    await Promise.all(work);
    const rows = await other.selectFrom('wb_rows').select(['id', 'note']).execute();
    expect(rows.filter((r) => r.note === 'batched')).toHaveLength(40);
    expect(rows.filter((r) => r.note === 'own')).toHaveLength(40);
  });

  it('a job that breaks the whole transaction fails alone: the rest of its batch is run again and committed', async () => {
    const jobs = Array.from({ length: 5 }, (_, i) => runInWriteBatch(db, async (trx) => {
      await trx.insertInto('wb_rows').values({ id: `r${i}`, note: 'written' }).execute();
      if (i === 2) await sql`rollback`.execute(trx); // ends the shared transaction under everyone's feet
      return i;
    }));
    const results = await Promise.allSettled(jobs);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(await rowIds()).toEqual(['r0', 'r1', 'r3', 'r4']);
    expect(count('begin')).toBe(6); // the failed batch, then each job alone
  });

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const signal = () => { let fire!: () => void; const fired = new Promise<void>((resolve) => { fire = resolve; }); return { fire, fired }; };
  const within = <T>(what: Promise<T>, message: string) =>
    Promise.race([what, sleep(8000).then(() => { throw new Error(message); })]);
  const take = (trx: Kysely<TestTables>, id: string) => trx.updateTable('wb_class').set({ taken: sql<number>`taken + 1` }).where('id', '=', id).execute();
  const taken = async () => Object.fromEntries((await other.selectFrom('wb_class').select(['id', 'taken']).execute()).map((r) => [r.id, r.taken]));

  it.runIf(kind === 'postgres')('one key takes turns in arrival order; another key runs meanwhile in its own lane', async () => {
    const [a, b] = ['class-a', 'class-b'];
    const bRan = signal();
    const order: string[] = [];
    const job = (name: string, then?: () => Promise<unknown> | void) => async (trx: Kysely<TestTables>) => {
      order.push(name);
      await then?.();
      await trx.insertInto('wb_rows').values({ id: name, note: 'lane' }).execute();
    };
    await Promise.all([
      runInWriteBatch(db, job('a1', () => within(bRan.fired, 'the other lane did not run while this one waited')), { key: a }),
      runInWriteBatch(db, job('a2'), { key: a }),
      runInWriteBatch(db, job('b1', bRan.fire), { key: b }),
    ]);
    expect(order).toEqual(['a1', 'b1', 'a2']);
    expect(await rowIds()).toEqual(['a1', 'a2', 'b1']);
  });

  it.runIf(kind === 'postgres')('a job that loses a deadlock to another lane is undone alone and run again: each caller succeeds, each write counts once', async () => {
    await db.insertInto('wb_class').values([{ id: 'x', seats: 9, taken: 0 }, { id: 'y', seats: 9, taken: 0 }]).execute();
    const [a, b] = ['class-a', 'class-b'];
    const aHasX = signal();
    const bHasY = signal();
    const runs = { a: 0, b: 0 };
    const results = await within(Promise.all([
      runInWriteBatch(db, async (trx) => { runs.a++; await take(trx, 'x'); aHasX.fire(); await bHasY.fired; await take(trx, 'y'); return 'a'; }, { key: a }),
      runInWriteBatch(db, async (trx) => { runs.b++; await take(trx, 'y'); bHasY.fire(); await aHasX.fired; await take(trx, 'x'); return 'b'; }, { key: b }),
    ]), 'deadlocked jobs did not finish');
    expect(results).toEqual(['a', 'b']);
    expect(runs.a + runs.b).toBe(3); // PostgreSQL chose one victim; it ran a second time
    expect(await taken()).toEqual({ x: 2, y: 2 });
    expect(log.some((s) => s.startsWith('rollback to'))).toBe(true);
    expect(MAX_ATTEMPTS).toBeGreaterThan(1);
  });

  it.runIf(kind === 'postgres')('two processes batching the same keys in opposite arrival order do not deadlock: a batch holds one key', async () => {
    const [k1, k2] = ['class-1', 'class-2'];
    await db.insertInto('wb_class').values([{ id: k1, seats: 9, taken: 0 }, { id: k2, seats: 9, taken: 0 }]).execute();
    // A second "process": its own pool and its own lanes.
    const db2 = new Kysely<TestTables>({ dialect: new PostgresDialect({
      pool: new pg.Pool({ connectionString: process.env.TEST_DATABASE_URL, options: `-c search_path=${t.handle.pgSchema}` }) }) });
    try {
      let runs = 0;
      // Each job holds its row a while, so batches mixing keys would surely cross: one holds k2 and wants k1, the other the reverse.
      const job = (key: string) => async (trx: Kysely<TestTables>) => { runs++; await take(trx, key); await sleep(150); return key; };
      const results = await within(Promise.all([
        runInWriteBatch(db, job(k2), { key: k2 }), runInWriteBatch(db, job(k1), { key: k1 }),
        runInWriteBatch(db2, job(k1), { key: k1 }), runInWriteBatch(db2, job(k2), { key: k2 }),
      ]), 'the two processes deadlocked');
      expect(results).toEqual([k2, k1, k1, k2]);
      expect(runs).toBe(4);
      expect(await taken()).toEqual({ [k1]: 2, [k2]: 2 });
    } finally {
      await db2.destroy();
    }
  });

  it('takes a context with a db as well as a Kysely instance', async () => {
    expect(await runInWriteBatch({ db }, async (trx) => {
      await trx.insertInto('wb_rows').values({ id: 'ctx', note: 'via context' }).execute();
      return 'done';
    })).toBe('done');
    expect(await rowIds()).toEqual(['ctx']);
  });
});
