/**
 * Excel import of staff (issue 4): a 10,000-row people workbook, filled into the template the server hands out, timed
 * from the upload through validation (`ready`) and the commit (`committed`) over the HTTP API (Fastify inject as the
 * city admin), against a baseline in the same process and run: exceljs alone reading the same file (load + every
 * cell). Target: upload → committed under 10 s.
 *
 *   npx tsc -p . && node dist/bench/network-import-bench.js
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node dist/bench/network-import-bench.js
 *
 * Results go to docs/benchmarks.md between the network-import-bench markers (BENCH_WRITE_DOCS=0 to skip).
 */
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { type App } from '../src/app.js';
import { idNumberCheckChar } from '../src/core/pii/id-number.js';
import { withBenchApp } from './bench-app.js';
import { writeDocSection } from './bench-docs.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const docPath = path.join(root, 'docs', 'benchmarks.md');
const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const TARGET_SECONDS = 10;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Session { cookie: string; csrf: string }

async function call(app: App, session: Session | null, method: string, url: string, body?: unknown, raw?: { payload: Buffer; contentType: string }) {
  const res = await app.inject({
    method: method as never, url,
    headers: {
      ...(session ? { cookie: `lc_session=${session.cookie}`, 'x-csrf-token': session.csrf } : {}),
      ...(raw ? { 'content-type': raw.contentType } : body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    payload: raw ? raw.payload : body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.statusCode >= 400) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res;
}

async function login(app: App, username: string): Promise<Session> {
  const res = await call(app, null, 'POST', '/api/v1/auth/login', { username, password: 'learning-city-demo' });
  const cookie = String([res.headers['set-cookie']].flat().find((c) => String(c).startsWith('lc_session=')) ?? '').split(';')[0].slice('lc_session='.length);
  return { cookie, csrf: JSON.parse(res.body).csrfToken };
}

function multipart(fields: Record<string, string>, file: { name: string; bytes: Buffer }) {
  const boundary = `----bench-${crypto.randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${XLSX}\r\n\r\n`), file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The server's people template with ROWS staff spread over every center, each with a phone and a valid, unique ID number. */
async function staffWorkbook(app: App, admin: Session): Promise<Buffer> {
  const template = await call(app, admin, 'GET', '/api/v1/network/imports/templates/people');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  const centers = JSON.parse((await call(app, admin, 'GET', '/api/v1/network/institutions?tier=center&pageSize=100')).body).items as Array<{ name: string; town: { name: string } }>;
  const employment = ['专职', '兼职', '志愿者'];
  for (let i = 0; i < ROWS; i++) {
    const center = centers[i % centers.length];
    // Birth dates 1960-01-01 onwards, one per row, sequence 100–999: unique bodies; the check digit is computed.
    const birth = new Date(Date.UTC(1960, 0, 1) + i * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
    const body = `329955${birth}${String(100 + (i % 900)).padStart(3, '0')}`;
    sheet.addRow([`基准 ${String(i).padStart(5, '0')}`, center.town.name, center.name, employment[i % 3], '兼职教师', '书法、摄影', '本科',
      `139${String(i).padStart(8, '0')}`, body + idNumberCheckChar(body)]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function baselineRead(bytes: Buffer): Promise<{ ms: number; cells: number }> {
  const started = performance.now();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  let cells = 0;
  book.worksheets[0].eachRow((row) => row.eachCell(() => { cells++; }));
  return { ms: performance.now() - started, cells };
}

async function until(app: App, admin: Session, id: string, done: (status: string) => boolean) {
  for (;;) {
    const job = JSON.parse((await call(app, admin, 'GET', `/api/v1/network/imports/${id}`)).body);
    if (done(job.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function main() {
  await withBenchApp('network-import', async ({ app, serverUrl }) => {
    const admin = await login(app, 'admin');
    const bytes = await staffWorkbook(app, admin);
    const baseline = await baselineRead(bytes);
    const peopleBefore = JSON.parse((await call(app, admin, 'GET', '/api/v1/network/people?pageSize=1')).body).total as number;

    const started = performance.now();
    const uploaded = JSON.parse((await call(app, admin, 'POST', '/api/v1/network/imports', undefined,
      multipart({ kind: 'people' }, { name: 'staff.xlsx', bytes }))).body);
    const acceptedMs = performance.now() - started;
    const validated = await until(app, admin, uploaded.id, (s) => s !== 'validating');
    const validatedMs = performance.now() - started;
    if (validated.status !== 'ready') throw new Error(`validation ended ${validated.status}: ${JSON.stringify(validated.errors.slice(0, 3))}`);
    await call(app, admin, 'POST', `/api/v1/network/imports/${uploaded.id}/commit`, {});
    const committed = await until(app, admin, uploaded.id, (s) => s !== 'committing');
    const totalMs = performance.now() - started;
    if (committed.status !== 'committed') throw new Error(`commit ended ${committed.status}`);
    const peopleAfter = JSON.parse((await call(app, admin, 'GET', '/api/v1/network/people?pageSize=1')).body).total as number;
    if (peopleAfter - peopleBefore !== ROWS) throw new Error(`expected ${ROWS} new people, found ${peopleAfter - peopleBefore}`);

    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const ratio = (ms: number) => `${(ms / baseline.ms).toFixed(1)} ×`;
    const dialect = serverUrl ? 'PostgreSQL' : 'SQLite';
    const intro = [
      '## Excel import of staff (issue 4)',
      '',
      '`bench/network-import-bench.ts` fills the server\'s people template with 10,000 staff (spread over every center, each',
      'with a mobile number and a valid, unique ID number), then times, through Fastify\'s inject as the city admin, the',
      'upload (parsed in the request, answered 202), the background validation until `ready`, and the commit until',
      '`committed`. Baseline in the same run: exceljs alone loading the same file and visiting every cell. Target: upload →',
      'committed under 10 s. Rerun: `npx tsc -p . && node dist/bench/network-import-bench.js` (add',
      '`BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test` for PostgreSQL); it rewrites the sections below.',
    ].join('\n');
    const section = [
      `### ${dialect}`,
      '',
      `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; command: \`npx tsc -p . && ${serverUrl ? 'BENCH_DATABASE_URL=… ' : ''}node dist/bench/network-import-bench.js\``,
      `- Machine: ${os.cpus().length} cores, Node ${process.version}; shared and noisy (load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')})`,
      `- Workbook: ${ROWS.toLocaleString('en')} rows × 9 columns, ${(bytes.length / 1024).toFixed(0)} KiB; ${baseline.cells.toLocaleString('en')} cells`,
      '',
      '| step | elapsed since upload | ÷ baseline |',
      '|---|---:|---:|',
      `| baseline: exceljs load + visit every cell | ${s(baseline.ms)} | 1.0 × |`,
      `| upload answered (202, file parsed) | ${s(acceptedMs)} | ${ratio(acceptedMs)} |`,
      `| validated (\`ready\`, ${validated.validRows} valid rows) | ${s(validatedMs)} | ${ratio(validatedMs)} |`,
      `| committed (${committed.committed} people written, one transaction) | ${s(totalMs)} | ${ratio(totalMs)} |`,
      '',
      `Target: upload → committed < ${TARGET_SECONDS} s: **${totalMs < TARGET_SECONDS * 1000 ? 'PASS' : 'FAIL'}** (${s(totalMs)})`,
    ].join('\n');
    console.log(section);
    if (process.env.BENCH_WRITE_DOCS !== '0') {
      writeDocSection(docPath, intro, 'network-import-bench-intro');
      writeDocSection(docPath, section, serverUrl ? 'network-import-bench-postgres' : 'network-import-bench');
    }
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
