/**
 * Search benchmark: a generated corpus of BENCH_DOCS (100,000) documents of about 1,500 Han characters,
 * words drawn from a Zipf distribution over jieba's dictionary ranked by frequency (so the most common
 * words occur in nearly every document, as 工作 and 发展 do in real official documents). Measures, in one run:
 *   - index build rate (documents/s) through the real path (reindexAll → indexItem in transactions);
 *   - latency p50/p95/p99 of 1–3 word queries, very common words included, for
 *       the engine's ranking (bounded candidates, title tier first),
 *       the full search() the page and API call (ranking + rows + highlighted snippets),
 *       a plain-bm25 baseline in the same run (rank every match, take the top 10);
 * on SQLite (default) or PostgreSQL (BENCH_DATABASE_URL: a throw-away database is created and dropped).
 *
 *   npx tsc -p . && node dist/bench/search-bench.js
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node dist/bench/search-bench.js
 *
 * Options: BENCH_DOCS (100000), BENCH_REPEAT (queries per word set, 5), BENCH_WRITE_DOCS=0 (leave docs/benchmarks.md),
 * BENCH_DATA_DIR (SQLite only: keep the database there and reuse it on the next run, skipping corpus and index).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { createDatabase } from '../src/core/db/database.js';
import { migrateToLatest } from '../src/core/db/migrate.js';
import { allMigrations } from '../src/modules/installed.js';
import { seedCategories } from '../src/modules/content/seed/seed-categories.js';
import { newUserRow } from '../src/core/users/new-user-row.js';
import type { CoreContext } from '../src/core/context.js';
import type { ContentDatabase } from '../src/modules/content/content-schema.js';
import { reindexAll } from '../src/modules/content/search/search-index.js';
import { search } from '../src/modules/content/search/search-service.js';
import { rankMatches } from '../src/modules/content/search/search-ranking.js';
import { querySegmenter } from '../src/modules/content/search/search-dictionary.js';
import { ftsExpression, tsqueryExpression } from '../src/modules/content/search/search-expression.js';
import { systemClock } from '../src/core/time.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const docPath = path.join(root, 'docs', 'benchmarks.md');
const DOCS = Number(process.env.BENCH_DOCS ?? 100_000);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);
const PG_SERVER = process.env.BENCH_DATABASE_URL || null;

// ---------------------------------------------------------------------------------------------------
// Corpus: a seeded generator, so every run indexes the same text

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Han words of 2–4 characters from jieba's dictionary, most frequent first. */
function vocabulary(size: number): string[] {
  const require = createRequire(import.meta.url);
  const file = path.join(path.dirname(require.resolve('@node-rs/jieba')), 'dict.txt');
  const rows = fs.readFileSync(file, 'utf8').split('\n').map((l) => l.split(' '))
    .filter((p) => p.length >= 2 && /^\p{Script=Han}{2,4}$/u.test(p[0])).map((p) => ({ w: p[0], f: Number(p[1]) }));
  rows.sort((a, b) => b.f - a.f);
  return rows.slice(0, size).map((r) => r.w);
}

/** Zipf (s = 1) sampler over ranks 0..n-1 by inverse CDF. */
function zipf(n: number, random: () => number) {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / (i + 1);
  return () => {
    const x = random() * sum;
    let lo = 0, hi = n - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (cdf[mid] < x) lo = mid + 1; else hi = mid; }
    return lo;
  };
}

const PUNCT = ['，', '，', '，', '。', '；', '、'];

function makeText(words: string[], pick: () => number, random: () => number, chars: number): string {
  let out = '';
  let sinceStop = 0;
  while (out.length < chars) {
    out += words[pick()];
    if (++sinceStop > 4 + random() * 8) { out += PUNCT[Math.floor(random() * PUNCT.length)]; sinceStop = 0; }
  }
  return out + '。';
}

// ---------------------------------------------------------------------------------------------------

interface Timing { p50: number; p95: number; p99: number; max: number; mean: number }
function stats(ms: number[]): Timing {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { p50: q(0.5), p95: q(0.95), p99: q(0.99), max: s[s.length - 1], mean: s.reduce((a, b) => a + b, 0) / s.length };
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

async function createPgDatabase(serverUrl: string) {
  const name = `lc_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const version = String((await admin.query('show server_version')).rows[0].server_version);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(), version,
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Writes the corpus (not timed as indexing), then builds the index through the real path (timed). */
async function buildCorpus(core: CoreContext, words: string[]) {
  await seedCategories(core);
  const db = core.db as unknown as Kysely<ContentDatabase>;
  const at = new Date().toISOString();
  await core.db.insertInto('users').values(newUserRow({
    id: 'bench-user', username: 'bench', display_name: 'bench', kind: 'staff', password_hash: 'x',
    home_scope_type: 'city', home_scope_id: 'bench', home_path: '/bench/',
  }, at)).execute();

  // 1. The corpus (not timed as indexing): items in the library categories, 30 % official documents.
  const random = rng(20261130);
  const pick = zipf(words.length, random);
  const categories = ['notices', 'policies', 'work-plans', 'work-reports', 'surveys', 'essays', 'models'];
  const organs = ['青溪市教育局', '青溪市人民政府', '青溪市社区教育委员会', '柳泉镇人民政府'];
  const docTypes = ['opinion', 'notice', 'report', 'decision', 'circular'];
  const t0 = Date.now();
  const span = 10 * 365 * 86_400_000;
  const base = Date.parse('2016-01-01T00:00:00Z');
  let corpusChars = 0;
  for (let start = 0; start < DOCS; start += 1000) {
    await db.transaction().execute(async (trx) => {
      for (let n = start; n < Math.min(DOCS, start + 1000); n++) {
        const id = `bench-${String(n).padStart(6, '0')}`;
        const body = makeText(words, pick, random, 1500);
        corpusChars += body.length;
        const official = n % 10 < 3;
        const category = official ? 'policies' : categories[n % categories.length];
        const published = new Date(base + Math.floor((n / DOCS) * span) + Math.floor(random() * 3_600_000)).toISOString();
        await trx.insertInto('content_items').values({
          id, category_id: category, kind: official ? 'official_document' : 'article', title: makeText(words, pick, random, 14).slice(0, -1),
          subtitle: null, summary: null, body_html: `<p>${body}</p>`, body_text: body, source: '青溪市教育局', author: null, keywords: '',
          owner_scope_type: 'city', owner_scope_id: 'bench', owner_path: '/bench/', status: 'published', reviews_required: 0, reviews_passed: 0,
          signed_by: null, signed_by_name: null, signed_at: null, publish_at: null, published_at: published, withdrawn_at: null, archived_at: null,
          revision: 1, view_count: 0, interpretation_of_id: null, created_by: 'bench-user', created_at: published, updated_at: published,
        }).execute();
        if (official) {
          const year = Number(published.slice(0, 4));
          await trx.insertInto('content_official_documents').values({
            item_id: id, doc_type: docTypes[n % docTypes.length] as never, issuing_organ: organs[n % organs.length], organ_code: '000014349',
            doc_number: `青教发〔${year}〕${n}号`, doc_year: year, signer: null, addressees: '各镇人民政府', cc: '', written_date: published.slice(0, 10),
            printing_organ: null, printing_date: null, index_number: null, index_year: null, index_serial: null, topic: '教育',
            validity: n % 7 === 0 ? 'expired' : 'valid', repealed_by_id: null, disclosure: 'proactive', attachment_notes: null,
          }).execute();
        }
      }
    });
    if (start % 10_000 === 0) process.stdout.write(`corpus ${start}/${DOCS}\r`);
  }
  const corpusSeconds = (Date.now() - t0) / 1000;
  console.log(`corpus: ${DOCS} documents, ${Math.round(corpusChars / DOCS)} characters each on average, written in ${corpusSeconds.toFixed(0)} s`);

  // 2. Index build through the real path.
  const t1 = Date.now();
  const counts = await reindexAll(core, (done) => { if (done % 10_000 === 0) process.stdout.write(`indexed ${done}\r`); });
  const indexSeconds = (Date.now() - t1) / 1000;
  const buildRate = counts.items / indexSeconds;
  console.log(`index: ${counts.items} documents in ${indexSeconds.toFixed(1)} s = ${Math.round(buildRate)} documents/s`);
  return { buildRate, indexSeconds, corpusChars };
}

async function main() {
  const started = Date.now();
  const keepDir = PG_SERVER ? null : process.env.BENCH_DATA_DIR ?? null;
  const reuse = keepDir !== null && fs.existsSync(path.join(keepDir, 'learning-city.sqlite'));
  const dataDir = keepDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'lc-search-bench-'));
  const pgTarget = PG_SERVER ? await createPgDatabase(PG_SERVER) : null;
  const handle = createDatabase({ databaseUrl: pgTarget?.url ?? null, dataDir });
  const cleanUp = async () => {
    await handle.close();
    await pgTarget?.drop();
    if (!keepDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await migrateToLatest(handle.db, allMigrations);
    const core = { db: handle.db, dialect: handle.dialect, sqlite: handle.sqlite, clock: systemClock } as unknown as CoreContext;
    const words = vocabulary(30_000);
    let buildRate = NaN;
    let indexSeconds = NaN;
    let corpusChars = DOCS * 1500;
    if (!reuse) ({ buildRate, indexSeconds, corpusChars } = await buildCorpus(core, words));
    if (handle.dialect === 'sqlite') await sql`pragma wal_checkpoint(TRUNCATE)`.execute(handle.db);
    else await sql`vacuum analyze content_search_docs`.execute(handle.db);
    const sizeMiB = handle.dialect === 'sqlite'
      ? fs.statSync(path.join(dataDir, 'learning-city.sqlite')).size / 1048576
      : Number((await sql<{ n: number }>`select pg_total_relation_size('content_search_docs') as n`.execute(handle.db)).rows[0].n) / 1048576;

    // 3. Queries: word sets by frequency rank (rank 0 = the most frequent word of the corpus).
    const q = (ranks: number[]) => ranks.map((r) => words[r]).join(' ');
    const sets: { name: string; queries: string[] }[] = [
      { name: '1 word, very common (ranks 1–20)', queries: [0, 2, 5, 9, 14, 19].map((r) => q([r])) },
      { name: '1 word, common (ranks 50–300)', queries: [50, 100, 150, 200, 300].map((r) => q([r])) },
      { name: '1 word, medium (ranks 1,000–3,000)', queries: [1000, 1500, 2000, 3000].map((r) => q([r])) },
      { name: '1 word, rare (ranks 10,000+)', queries: [10_000, 15_000, 20_000].map((r) => q([r])) },
      { name: '2 words, common + common', queries: [[0, 3], [10, 40], [60, 120], [5, 250]].map(q) },
      { name: '2 words, common + medium/rare', queries: [[1, 1200], [20, 5000], [100, 12_000]].map(q) },
      { name: '3 words', queries: [[0, 1, 2], [4, 30, 200], [8, 90, 1500], [15, 700, 9000]].map(q) },
      { name: 'mixed: year + word, document number', queries: ['2023 ' + words[7], '青教发〔2021〕12345号', '2019 ' + words[120]] },
    ];
    const segmenter = await querySegmenter(core);
    const today = new Date().toISOString().slice(0, 10);
    const matchCounts: { query: string; matches: number }[] = [];
    for (const s of sets.slice(0, 2)) {
      for (const query of s.queries) {
        const expr = handle.dialect === 'sqlite' ? ftsExpression(segmenter.queryTerms(query)) : tsqueryExpression(segmenter.queryTerms(query));
        const n = handle.dialect === 'sqlite'
          ? (await sql<{ n: number }>`select count(*) as n from content_search_body_fts where content_search_body_fts match ${expr}`.execute(handle.db)).rows[0].n
          : (await sql<{ n: number }>`select count(*) as n from content_search_docs where doc_tsv @@ ${expr}::tsquery`.execute(handle.db)).rows[0].n;
        matchCounts.push({ query, matches: Number(n) });
      }
    }
    const baseline = async (query: string) => {
      const terms = segmenter.queryTerms(query);
      if (handle.dialect === 'sqlite') {
        return sql`select rowid from content_search_body_fts where content_search_body_fts match ${ftsExpression(terms)}
          order by bm25(content_search_body_fts, 4.0, 1.0) limit 10`.execute(handle.db);
      }
      const tsq = sql`${tsqueryExpression(terms)}::tsquery`;
      return sql`select doc_key from content_search_docs where doc_tsv @@ ${tsq} order by ts_rank(doc_tsv, ${tsq}) desc limit 10`.execute(handle.db);
    };
    const engines: Record<string, (query: string) => Promise<unknown>> = {
      'plain bm25 (baseline)': baseline,
      'engine ranking': (query) => rankMatches(core, segmenter.queryTerms(query), {}, today),
      'search() incl. snippets': (query) => search(core, { q: query, page: 1 }),
    };
    // Warm-up: every query once per engine (page cache, statement cache).
    for (const s of sets) for (const query of s.queries) for (const run of Object.values(engines)) await run(query);
    const results: { set: string; engine: string; t: Timing }[] = [];
    const all: Record<string, number[]> = {};
    for (const s of sets) {
      for (const [engine, run] of Object.entries(engines)) {
        const ms: number[] = [];
        for (let r = 0; r < REPEAT; r++) for (const query of s.queries) ms.push(await time(() => run(query)));
        results.push({ set: s.name, engine, t: stats(ms) });
        (all[engine] ??= []).push(...ms);
        console.log(`${s.name.padEnd(40)} ${engine.padEnd(26)} p50 ${stats(ms).p50.toFixed(1)} p95 ${stats(ms).p95.toFixed(1)} p99 ${stats(ms).p99.toFixed(1)} ms`);
      }
    }
    const seconds = Math.round((Date.now() - started) / 1000);
    const md = report({
      dialect: handle.dialect, pgVersion: pgTarget?.version ?? null, docs: DOCS, avgChars: Math.round(corpusChars / DOCS), buildRate, indexSeconds,
      sizeMiB, matchCounts, results, overall: Object.entries(all).map(([engine, ms]) => ({ engine, t: stats(ms) })), seconds,
    });
    console.log(`\n${md}\n`);
    if (process.env.BENCH_WRITE_DOCS !== '0') writeDoc(md, handle.dialect === 'postgres' ? 'search-bench-postgres' : 'search-bench');
  } finally {
    await cleanUp();
  }
}

function report(r: {
  dialect: string; pgVersion: string | null; docs: number; avgChars: number; buildRate: number; indexSeconds: number; sizeMiB: number;
  matchCounts: { query: string; matches: number }[]; results: { set: string; engine: string; t: Timing }[];
  overall: { engine: string; t: Timing }[]; seconds: number;
}): string {
  const f = (n: number) => n.toFixed(1);
  const engineOverall = r.overall.find((o) => o.engine === 'search() incl. snippets')!;
  const lines = [
    `### ${r.dialect === 'postgres' ? `PostgreSQL ${r.pgVersion}` : 'SQLite (FTS5)'}`,
    '',
    `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC (took ${r.seconds} s); machine: ${os.cpus().length} cores, Node ${process.version}, shared and noisy (load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} at the end)`,
    `- Command: \`npx tsc -p . && ${r.dialect === 'postgres' ? 'BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test ' : ''}node dist/bench/search-bench.js\``,
    `- Corpus: ${r.docs.toLocaleString('en')} documents, ${r.avgChars} Han characters each on average, words drawn Zipf (s = 1) from jieba's 30,000 most frequent 2–4 character words; 30 % official documents`,
    `- Index build: **${Math.round(r.buildRate).toLocaleString('en')} documents/s** (${r.docs.toLocaleString('en')} in ${r.indexSeconds.toFixed(0)} s, through reindexAll → indexItem, 500 per transaction); ${r.dialect === 'postgres' ? 'search table with its GIN indexes' : 'database file'} ${Math.round(r.sizeMiB).toLocaleString('en')} MiB`,
    `- Matches of the 1-word common queries: ${r.matchCounts.map((m) => `${m.query} ${m.matches.toLocaleString('en')}`).join(', ')}`,
    '',
    '| Query set | Engine | p50 | p95 | p99 | max |',
    '|---|---|---:|---:|---:|---:|',
    ...r.results.map((x) => `| ${x.set} | ${x.engine} | ${f(x.t.p50)} ms | ${f(x.t.p95)} ms | ${f(x.t.p99)} ms | ${f(x.t.max)} ms |`),
    ...r.overall.map((x) => `| **all queries** | ${x.engine} | ${f(x.t.p50)} ms | **${f(x.t.p95)} ms** | ${f(x.t.p99)} ms | ${f(x.t.max)} ms |`),
    '',
    `Target (SQLite): p95 ≤ 50 ms over 1–3 word queries, common words included — ${r.dialect === 'sqlite' ? (engineOverall.t.p95 <= 50 ? '**PASS**' : '**FAIL**') : 'not a target here, reported for comparison'}: search() p95 ${f(engineOverall.t.p95)} ms.`,
  ];
  return lines.join('\n');
}

function writeDoc(section: string, marker: string) {
  const start = `<!-- ${marker}:start -->`;
  const end = `<!-- ${marker}:end -->`;
  const block = `${start}\n${section}\n${end}`;
  let doc = fs.readFileSync(docPath, 'utf8');
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  if (i >= 0 && j > i) doc = doc.slice(0, i) + block + doc.slice(j + end.length);
  else doc = doc.trimEnd() + '\n\n' + block + '\n';
  fs.writeFileSync(docPath, doc);
  console.log(`wrote ${path.relative(root, docPath)} (${marker})`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
