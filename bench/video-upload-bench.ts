/**
 * Memory of a lesson video upload (issue: uploads streamed to disk): the platform runs as a child process (demo data on a
 * fresh SQLite database, or a throw-away PostgreSQL database with BENCH_DATABASE_URL) listening on a real port; this
 * process logs in as the city admin, makes a video lesson and uploads to it over HTTP (multipart, streamed from a
 * generator, never held here), then reads the server's peak resident memory from /proc/<pid>/status (VmHWM, reset
 * through /proc/<pid>/clear_refs before each upload). Baseline in the same run: the same server idle, and a 1 MiB
 * upload. The figure that matters is the peak growth during the big upload divided by the file's size: a server that
 * buffers the upload needs about 1× to 2× the file; one that streams it, a few MiB whatever the size.
 *
 *   npx tsc -p . && node dist/bench/video-upload-bench.js
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node dist/bench/video-upload-bench.js
 *
 * Environment: BENCH_VIDEO_MIB (150), BENCH_LABEL (a word for the row, e.g. "before"), BENCH_WRITE_DOCS=0 to leave
 * docs/benchmarks.md alone. Results go there between the video-upload-bench markers.
 */
import { fork, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { withBenchApp } from './bench-app.js';
import { writeDocSection } from './bench-docs.js';

const here = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(here), '..', '..');
const docPath = path.join(root, 'docs', 'benchmarks.md');
const MIB = 1024 * 1024;
const VIDEO_MIB = Number(process.env.BENCH_VIDEO_MIB ?? 150);
const SMALL_MIB = 1;
const API = '/api/v1/learning/online';

// ---- the server side: the app on a real port, until the parent says stop ---------------------------------------------

async function serve() {
  await withBenchApp('video-upload', async ({ app }) => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const stopped = new Promise<void>((resolve) => {
      process.on('message', (m) => { if (m === 'stop') resolve(); });
      process.on('disconnect', () => resolve());
    });
    process.send!({ port: typeof address === 'object' && address ? address.port : 0 });
    await stopped;
  });
  process.exit(0);
}

// ---- the client side ------------------------------------------------------------------------------------------------

interface Session { cookie: string; csrf: string }
interface Answer { status: number; headers: http.IncomingHttpHeaders; body: string }

function send(port: number, method: string, url: string, headers: http.OutgoingHttpHeaders, body?: Buffer | Readable): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: url, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body instanceof Readable) body.pipe(req);
    else req.end(body);
  });
}

async function json(port: number, session: Session | null, method: string, url: string, body?: unknown) {
  const res = await send(port, method, url, {
    ...(session ? { cookie: `lc_session=${session.cookie}`, 'x-csrf-token': session.csrf } : {}),
    ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
  }, body === undefined ? undefined : Buffer.from(JSON.stringify(body)));
  if (res.status >= 400) throw new Error(`${method} ${url} → ${res.status} ${res.body.slice(0, 300)}`);
  return { ...res, json: res.body ? JSON.parse(res.body) : null };
}

async function login(port: number, username: string): Promise<Session> {
  const res = await json(port, null, 'POST', '/api/v1/auth/login', { username, password: 'learning-city-demo' });
  const cookie = [res.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('lc_session=')) ?? '';
  return { cookie: cookie.split(';')[0]!.slice('lc_session='.length), csrf: res.json.csrfToken };
}

/** An MP4-signed file of `size` bytes (ftyp box, then one mdat box of filler), made chunk by chunk; its hash when done. */
function mp4Stream(size: number) {
  const hash = crypto.createHash('sha256');
  const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypisom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomavc1')]);
  const mdat = Buffer.alloc(8);
  mdat.writeUInt32BE(size - ftyp.length, 0);
  mdat.write('mdat', 4, 'latin1');
  const filler = Buffer.alloc(MIB);
  for (let i = 0; i < filler.length; i++) filler[i] = (i * 31 + 7) % 251;
  async function* chunks() {
    let left = size;
    const head = Buffer.concat([ftyp, mdat]);
    hash.update(head);
    yield head;
    left -= head.length;
    while (left > 0) {
      const chunk = filler.subarray(0, Math.min(left, filler.length));
      hash.update(chunk);
      left -= chunk.length;
      yield chunk;
    }
  }
  return { chunks, sha256: () => hash.digest('hex') };
}

/** A multipart body around the generated file, with its exact length (as a browser sends it). */
function multipartStream(filename: string, size: number) {
  const boundary = `----bench-${crypto.randomBytes(8).toString('hex')}`;
  const preamble = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: video/mp4\r\n\r\n`);
  const epilogue = Buffer.from(`\r\n--${boundary}--\r\n`);
  const file = mp4Stream(size);
  async function* body() {
    yield preamble;
    yield* file.chunks();
    yield epilogue;
  }
  return { stream: Readable.from(body(), { objectMode: false }), length: preamble.length + size + epilogue.length,
    contentType: `multipart/form-data; boundary=${boundary}`, sha256: file.sha256 };
}

function status(pid: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n')) {
    const m = /^(VmRSS|VmHWM):\s+(\d+) kB/.exec(line);
    if (m) out[m[1]!] = Number(m[2]) * 1024;
  }
  return out;
}

/** Resets the child's peak RSS to its current RSS (Linux ≥ 4.0); false when the kernel refuses. */
function resetPeak(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

interface Measured { before: number; peak: number; ms: number; sha256: string; answer: Answer }

/** Uploads `size` bytes to the lesson and returns the server's RSS before and its peak during the upload. */
async function measuredUpload(port: number, pid: number, session: Session, lessonId: string, size: number): Promise<Measured> {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const canReset = resetPeak(pid);
  const before = status(pid).VmRSS!;
  // Sampling backs up VmHWM where the peak cannot be reset.
  let sampled = before;
  const timer = setInterval(() => { sampled = Math.max(sampled, status(pid).VmRSS!); }, 20);
  const body = multipartStream('lesson.mp4', size);
  const started = performance.now();
  const answer = await send(port, 'POST', `${API}/lessons/${lessonId}/file`, {
    cookie: `lc_session=${session.cookie}`, 'x-csrf-token': session.csrf, 'content-type': body.contentType, 'content-length': body.length,
  }, body.stream);
  const ms = performance.now() - started;
  clearInterval(timer);
  const peak = canReset ? Math.max(status(pid).VmHWM!, sampled) : sampled;
  if (answer.status !== 200) throw new Error(`upload of ${size} bytes → ${answer.status} ${answer.body.slice(0, 300)}`);
  return { before, peak, ms, sha256: body.sha256(), answer };
}

async function startServer(): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(here, ['serve'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening`)));
  });
  return { child, port };
}

async function main() {
  const { child, port } = await startServer();
  const pid = child.pid!;
  try {
    const admin = await login(port, 'admin');
    const centers = (await json(port, admin, 'GET', '/api/v1/network/institutions?tier=center&pageSize=1')).json.items as Array<{ id: string }>;
    const course = (await json(port, admin, 'POST', `${API}/courses`, { institutionId: centers[0]!.id, title: '上传内存基准', category: 'digital', hours: 1 })).json;
    const lesson = async (title: string) => (await json(port, admin, 'POST', `${API}/courses/${course.id}/lessons`,
      { kind: 'video', title, durationSeconds: 600 })).json.lessons.at(-1).id as string;
    const small = await lesson('小文件');
    const big = await lesson('大文件');

    await new Promise((resolve) => setTimeout(resolve, 3000));
    const idle = status(pid).VmRSS!;
    const smallRun = await measuredUpload(port, pid, admin, small, SMALL_MIB * MIB);
    const bigRun = await measuredUpload(port, pid, admin, big, VIDEO_MIB * MIB);

    // The stored file is the uploaded one: its size in the lesson, its hash as the download's ETag.
    const stored = JSON.parse(bigRun.answer.body).lessons.find((l: { id: string }) => l.id === big).file;
    if (stored.size !== VIDEO_MIB * MIB) throw new Error(`stored size ${stored.size}`);
    const head = await send(port, 'GET', `/courses/${course.id}/lessons/${big}/file`, { cookie: `lc_session=${admin.cookie}`, range: 'bytes=0-0' });
    if (head.headers.etag !== `"${bigRun.sha256}"`) throw new Error(`stored hash ${head.headers.etag} ≠ uploaded ${bigRun.sha256}`);

    const mib = (b: number) => `${(b / MIB).toFixed(1)} MiB`;
    const growth = (m: Measured) => Math.max(0, m.peak - m.before);
    const label = process.env.BENCH_LABEL ? ` (${process.env.BENCH_LABEL})` : '';
    const dialect = process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'SQLite';
    const intro = [
      '## Lesson video upload: server memory',
      '',
      '`bench/video-upload-bench.ts` starts the platform as a child process on a real port and, as the city admin, uploads',
      `an MP4-signed file of ${VIDEO_MIB} MiB to a video lesson over HTTP (multipart, streamed by the client), then reads the server's`,
      'peak resident memory (`VmHWM` in /proc, reset through `clear_refs` before each upload; VmRSS sampled every 20 ms as a',
      'check). Baselines in the same run: the server idle, and a 1 MiB upload. The ratio that matters is the peak growth',
      '÷ the file size: reading the upload into memory costs about 1–2× the file per concurrent upload; streaming it to a',
      'temporary file in DATA_DIR costs a bounded amount whatever the size. The stored size and SHA-256 (the download\'s ETag) are',
      'checked against what was sent. Rerun: `npx tsc -p . && node dist/bench/video-upload-bench.js` (add',
      '`BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test` for PostgreSQL).',
    ].join('\n');
    const row = [
      `### ${dialect}${label}`,
      '',
      `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; Node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`,
      `- Server idle RSS: ${mib(idle)}`,
      '',
      '| upload | RSS before | peak RSS | peak growth | growth ÷ file size | time |',
      '|---|---:|---:|---:|---:|---:|',
      `| ${SMALL_MIB} MiB (baseline) | ${mib(smallRun.before)} | ${mib(smallRun.peak)} | ${mib(growth(smallRun))} | ${(growth(smallRun) / (SMALL_MIB * MIB)).toFixed(2)} × | ${(smallRun.ms / 1000).toFixed(2)} s |`,
      `| ${VIDEO_MIB} MiB | ${mib(bigRun.before)} | ${mib(bigRun.peak)} | ${mib(growth(bigRun))} | ${(growth(bigRun) / (VIDEO_MIB * MIB)).toFixed(2)} × | ${(bigRun.ms / 1000).toFixed(2)} s |`,
    ].join('\n');
    console.log(row);
    if (process.env.BENCH_WRITE_DOCS !== '0') {
      writeDocSection(docPath, intro, 'video-upload-bench-intro');
      const marker = `video-upload-bench${process.env.BENCH_DATABASE_URL ? '-postgres' : ''}${process.env.BENCH_LABEL ? `-${process.env.BENCH_LABEL}` : ''}`;
      writeDocSection(docPath, row, marker);
    }
  } finally {
    child.send('stop');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const run = process.argv[2] === 'serve' ? serve : main;
run().catch((error) => {
  console.error(error);
  process.exit(1);
});
