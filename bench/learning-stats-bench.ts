/**
 * The learning dashboard (issue 5) over 100,000 enrolments: 25,000 residents × 4 classes among 400 classes in the
 * 8 demo towns, with 100,000 attendance marks; times `learningStats()` for the whole city and for one town admin's
 * scope, and `GET /api/v1/learning/stats` through the app, against one plain GROUP BY pass over the enrolments in
 * the same run (the floor any dashboard over that table pays).
 *
 *   npx tsc -p . && node dist/bench/learning-stats-bench.js
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node dist/bench/learning-stats-bench.js
 *
 * Knobs: BENCH_RESIDENTS (25000), BENCH_RUNS (15). It checks that the dashboard counted every enrolment it should.
 * Results are printed; BENCH_WRITE_DOCS=1 also writes them to docs/benchmarks.md between the learning-stats-bench
 * markers.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { createSession } from '../src/core/auth/sessions.js';
import { newId } from '../src/core/ids.js';
import type { AttendanceDatabase } from '../src/modules/learning/attendance/attendance-schema.js';
import { COURSE_CATEGORIES } from '../src/modules/learning/learning-schema.js';
import { learningStats } from '../src/modules/learning/stats/stats-queries.js';
import { insertClass, insertCourse, insertResidents, insertTerm } from '../src/modules/learning/enrolment/test-fixtures.js';
import os from 'node:os';
import { withBenchApp } from './bench-app.js';
import { writeDocSection } from './bench-docs.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const docPath = path.join(root, 'docs', 'benchmarks.md');
const RESIDENTS = Number(process.env.BENCH_RESIDENTS ?? 25_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const PER_RESIDENT = 4;
const CLASSES_PER_TOWN = 50;
const TOWNS = Array.from({ length: 8 }, (_, i) => `3299011${String(i + 1).padStart(2, '0')}000`);
const BIRTHS = ['1999-05-01', '1985-03-02', '1968-07-03', '1961-09-04', '1952-11-05', null];
const STATUSES = ['enrolled', 'enrolled', 'completed', 'waitlisted', 'cancelled'] as const;

type Db = Kysely<AttendanceDatabase>;

async function insertChunked<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/** Milliseconds per run: median and slowest of RUNS after two warm-up runs. */
async function time(work: () => Promise<unknown>) {
  for (let i = 0; i < 2; i++) await work();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await work();
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)]!, max: ms[ms.length - 1]! };
}

async function fill(db: Db) {
  const termId = await insertTerm(db, { name: '基准学期' });
  const classes: Array<{ id: string; townId: string }> = [];
  for (const townId of TOWNS) {
    const courses = await Promise.all(COURSE_CATEGORIES.map(async (category) => {
      const id = await insertCourse(db, townId, `基准课程 ${category}`);
      await db.updateTable('learning_courses').set({ category }).where('id', '=', id).execute();
      return id;
    }));
    for (let i = 0; i < CLASSES_PER_TOWN; i++) {
      const id = await insertClass(db, { townId, termId, courseId: courses[i % courses.length], seats: 5000, status: i % 5 === 0 ? 'finished' : 'open' });
      classes.push({ id, townId });
    }
  }
  const users: string[] = [];
  for (let b = 0; b < BIRTHS.length; b++) {
    users.push(...await insertResidents(db, Math.ceil(RESIDENTS / BIRTHS.length), { birthDate: BIRTHS[b] }));
  }
  const at = new Date().toISOString();
  const enrolments = users.slice(0, RESIDENTS).flatMap((userId, u) => Array.from({ length: PER_RESIDENT }, (_, k) => {
    const cls = classes[(u * 7 + k * 101) % classes.length]!;
    const status = STATUSES[(u + k) % STATUSES.length]!;
    return { id: newId(), class_id: cls.id, user_id: userId, term_id: termId, status, waitlist_seq: null, offered_at: null, offer_expires_at: null,
      enrolled_at: at, cancelled_at: null, completed_at: null, source: 'online' as const, acted_by: null, consent_method: null, consent_note: null,
      consent_at: null, version: 1, created_at: at, updated_at: at };
  }));
  await insertChunked(enrolments, 500, (chunk) => db.insertInto('learning_enrolments').values(chunk).execute());

  // Four sessions per class; every enrolled or completed resident has a mark in each (100,000 marks at the defaults).
  const sessions = classes.flatMap((c) => Array.from({ length: 4 }, (_, s) => ({ id: newId(), class_id: c.id, seq: 100 + s,
    starts_at: `2026-0${s + 3}-01T06:00:00.000Z`, ends_at: `2026-0${s + 3}-01T08:00:00.000Z`, status: 'scheduled' as const })));
  await insertChunked(sessions, 500, (chunk) => db.insertInto('learning_class_sessions').values(chunk).execute());
  const sessionsOf = new Map<string, string[]>();
  for (const s of sessions) sessionsOf.set(s.class_id, [...(sessionsOf.get(s.class_id) ?? []), s.id]);
  const marks = enrolments.filter((e) => e.status === 'enrolled' || e.status === 'completed').flatMap((e, i) => sessionsOf.get(e.class_id)!.map((sessionId, s) => ({
    id: newId(), session_id: sessionId, class_id: e.class_id, enrolment_id: e.id, user_id: e.user_id,
    status: (['present', 'late', 'absent', 'present'] as const)[(i + s) % 4], method: 'staff' as const, marked_by: null, marked_at: at })));
  await insertChunked(marks.slice(0, 100_000), 500, (chunk) => db.insertInto('learning_attendance').values(chunk).execute());
  return { termId, enrolments: enrolments.length, taking: enrolments.filter((e) => e.status === 'enrolled' || e.status === 'completed').length, marks: Math.min(marks.length, 100_000) };
}

async function main() {
  await withBenchApp('stats', async ({ app, database, serverUrl }) => {
    const db = database.db as unknown as Db;
    const filled = await fill(db);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const townPath = (await db.selectFrom('regions').select('path').where('id', '=', TOWNS[0]!).executeTakeFirstOrThrow()).path;
    const stats = await learningStats(db, ['/'], { termId: filled.termId }, today);
    const counted = stats.totals.enrolled + stats.totals.completed;
    if (counted !== filled.taking) throw new Error(`dashboard counted ${counted} enrolments, expected ${filled.taking}`);

    const admin = await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
    const session = await createSession(database.db as never, { id: admin.id, kind: 'staff' }, new Date(), { ip: null, userAgent: 'bench' });
    const total = await db.selectFrom('learning_enrolments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const floor = await time(() => db.selectFrom('learning_enrolments').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute());
    const city = await time(() => learningStats(db, ['/'], {}, today));
    const town = await time(() => learningStats(db, [townPath], {}, today));
    const http = await time(async () => {
      const res = await app.inject({ method: 'GET', url: '/api/v1/learning/stats', headers: { cookie: `lc_session=${session.token}` } });
      if (res.statusCode !== 200) throw new Error(`GET /api/v1/learning/stats: ${res.statusCode} ${res.body}`);
    });
    const fmt = (r: { median: number; max: number }) => `${r.median.toFixed(1)} ms (slowest ${r.max.toFixed(1)} ms)`;
    const section = [
      `### ${serverUrl ? 'PostgreSQL' : 'SQLite'}`,
      '',
      `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; command: \`npx tsc -p . && ${serverUrl ? 'BENCH_DATABASE_URL=… ' : ''}node dist/bench/learning-stats-bench.js\``,
      `- Machine: ${os.cpus().length} cores, Node ${process.version}; shared and noisy (load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')})`,
      `- Data: ${Number(total.n)} enrolments (${filled.enrolments} generated: ${filled.taking} enrolled or completed), ${filled.marks} attendance marks, ${TOWNS.length * CLASSES_PER_TOWN} generated classes; median of ${RUNS} runs`,
      '',
      '| query | time |',
      '|---|---|',
      `| \`select status, count(*) from learning_enrolments group by status\` (one pass over the table: the floor) | ${fmt(floor)} |`,
      `| \`learningStats()\`, whole city | ${fmt(city)} |`,
      `| \`learningStats()\`, one town admin's scope | ${fmt(town)} |`,
      `| \`GET /api/v1/learning/stats\` (city admin, through the app) | ${fmt(http)} |`,
    ].join('\n');
    console.log(section);
    if (process.env.BENCH_WRITE_DOCS === '1') writeDocSection(docPath, section, serverUrl ? 'learning-stats-bench-postgres' : 'learning-stats-bench');
  });
}

await main();
