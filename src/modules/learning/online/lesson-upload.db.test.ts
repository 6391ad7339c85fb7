import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/support/test-app.js';
import { testDialects } from '../../../../test/support/databases.js';
import { centerOf, TOWN_IDS } from '../../../../test/support/demo-roles.js';
import { storedFiles, upload } from '../../../../test/support/upload-client.js';
import { pngImage } from '../../../../test/support/upload-fixtures.js';
import { storedFilePath } from '../../content/files/file-store.js';
import { simpleChinesePdf } from './demo-pdf.js';
import { onlineDb } from './online-schema.js';
import { uploadTempDir } from './staged-upload.js';

const API = '/api/v1/learning/online';
const MIB = 1024 * 1024;

/** An MP4 signature (ftyp box) followed by `size` bytes in all of a varied filler. */
function mp4Like(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + 7) % 251;
  Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypisom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomavc1'),
    Buffer.from([0, 0, 0, 0]), Buffer.from('mdat')]).copy(bytes);
  return bytes;
}

/** A PDF signature and filler: enough for the type check, which reads only the head. */
function pdfLike(size: number): Buffer {
  const bytes = Buffer.alloc(size, 0x20);
  Buffer.from('%PDF-1.4\n').copy(bytes);
  return bytes;
}

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A multipart upload over a real socket, written piece by piece as the test decides: it can stop half-way and
 * cut the connection, like a teacher whose train enters a tunnel.
 */
function openUpload(port: number, client: Client, url: string, filename: string, fileSize: number) {
  const boundary = `----lc-stream-${crypto.randomBytes(6).toString('hex')}`;
  const preamble = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const epilogue = Buffer.from(`\r\n--${boundary}--\r\n`);
  const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: url, headers: {
    'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': preamble.length + fileSize + epilogue.length,
    cookie: `lc_session=${client.cookie}`, 'x-csrf-token': client.csrfToken!,
  } });
  const errors: Error[] = [];
  const response = new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: any }>((resolve, reject) => {
    let answer: http.IncomingMessage | undefined;
    const chunks: Buffer[] = [];
    const done = () => resolve({ status: answer!.statusCode ?? 0, headers: answer!.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') });
    req.on('response', (res) => {
      answer = res;
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', done);
    });
    req.on('error', (error) => {
      errors.push(error);
      if (answer) done(); else reject(error);
    });
  });
  response.catch(() => {});
  const write = (bytes: Buffer) => new Promise<void>((resolve) => { if (req.write(bytes)) resolve(); else req.once('drain', () => resolve()); });
  req.write(preamble);
  return { req, response, errors, write, finish: () => new Promise<void>((resolve) => req.end(epilogue, () => resolve())) };
}

describe.each(testDialects())('lesson uploads streamed to disk on %s', (kind) => {
  let t: TestApp;
  let staff: Client;
  let port: number;
  let center: string;
  const db = () => onlineDb({ db: t.app.database.db as never });
  const tempFiles = () => {
    const dir = uploadTempDir(t.app.core);
    return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  };
  const fileRows = async () => Number((await db().selectFrom('content_files').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const lessonFileId = async (id: string) => (await db().selectFrom('learning_online_lessons').select('file_id').where('id', '=', id).executeTakeFirstOrThrow()).file_id;
  /** The server's open sockets, once those it is closing are gone. */
  const openConnections = async () => {
    let n = -1;
    for (let i = 0; i < 250 && n !== 0; i++) {
      n = await new Promise<number>((resolve) => t.app.server.getConnections((_e, count) => resolve(count)));
      if (n !== 0) await sleep(20);
    }
    return n;
  };
  /** Until the temporary folder holds (or no longer holds) a file, for uploads still on their way. */
  const waitForTemp = async (present: boolean) => {
    for (let i = 0; i < 250 && (tempFiles().length > 0) !== present; i++) await sleep(20);
    return tempFiles();
  };
  const lesson = async (lessonKind: 'video' | 'document') => {
    const course = await staff.post(`${API}/courses`, { institutionId: center, title: `上传流 ${lessonKind}`, category: 'digital', hours: 1 });
    expect(course.status, course.raw).toBe(201);
    const res = await staff.post(`${API}/courses/${course.body.id}/lessons`,
      lessonKind === 'video' ? { kind: 'video', title: '视频', durationSeconds: 60 } : { kind: 'document', title: '讲义' });
    expect(res.status, res.raw).toBe(201);
    return res.body.lessons[0].id as string;
  };

  beforeAll(async () => {
    // These tests push megabytes through one process; shedding load on a busy test machine is not what they test.
    t = await createTestApp(kind);
    staff = await t.login('staff');
    center = (await centerOf(t, TOWN_IDS[0]!)).id;
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  afterAll(async () => { await t.close(); });

  it('stores the streamed video with its size and SHA-256, serves exact ranges of it, and leaves the temporary folder empty', async () => {
    const id = await lesson('video');
    // Several chunks and more than the checked head, so the head, the hash and the write each span chunk edges.
    const bytes = mp4Like(3 * MIB + 123);
    const res = await upload(t, staff, `${API}/lessons/${id}/file`, [{ name: 'file', filename: '第一课.mp4', content: bytes }]);
    expect(res.status, res.raw).toBe(200);
    expect(res.body.lessons[0].file).toMatchObject({ name: '第一课.mp4', mime: 'video/mp4', size: bytes.length });

    const row = await db().selectFrom('content_files').selectAll().where('id', '=', res.body.lessons[0].file.id).executeTakeFirstOrThrow();
    expect(row.sha256).toBe(sha256(bytes));
    expect(Number(row.size)).toBe(bytes.length);
    expect(fs.readFileSync(storedFilePath(t.app.core, row.storage_key)).equals(bytes)).toBe(true);
    const audit = await db().selectFrom('audit_log' as never).select(['after_json' as never]).where('action' as never, '=', 'learning.online.lesson.file' as never)
      .orderBy('seq' as never, 'desc').executeTakeFirstOrThrow() as { after_json: string };
    expect(JSON.parse(audit.after_json)).toMatchObject({ lessonId: id, size: bytes.length, sha256: sha256(bytes) });
    expect(tempFiles()).toEqual([]);

    const courseId = res.body.id as string;
    const ranged = await t.app.inject({ method: 'GET', url: `/courses/${courseId}/lessons/${id}/file`,
      headers: { cookie: `lc_session=${staff.cookie}`, range: `bytes=${MIB - 5}-${MIB + 5}` } });
    expect(ranged.statusCode).toBe(206);
    expect(ranged.headers['content-range']).toBe(`bytes ${MIB - 5}-${MIB + 5}/${bytes.length}`);
    expect(ranged.rawPayload.equals(bytes.subarray(MIB - 5, MIB + 6))).toBe(true);
    expect(ranged.headers.etag).toBe(`"${sha256(bytes)}"`);
  });

  it('answers 413 while a file over the limit is still arriving, and keeps neither the partial file nor a row', async () => {
    const id = await lesson('document');
    const rows = await fileRows();
    const stored = storedFiles(t).length;
    // Claims 30 MiB; documents may be 20 MiB. The answer must come before the client has sent it all.
    const up = openUpload(port, staff, `${API}/lessons/${id}/file`, '讲义.pdf', 30 * MIB);
    const chunk = pdfLike(MIB);
    let sent = 0;
    let answered = false;
    void up.response.then(() => { answered = true; });
    while (!answered && sent < 25 * MIB) {
      // A server that stops reading leaves the socket full: the answer, not the drain, ends the wait then.
      await Promise.race([up.write(chunk), up.response]);
      sent += MIB;
      await sleep(5);
    }
    const res = await up.response;
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('content.file.too_large');
    expect(sent).toBeLessThan(30 * MIB);
    // The server reads and drops the rest (no reset while the client is still sending), so the client can finish.
    // (Node's client stops relaying 'drain' once the answer is in: write the rest at once.)
    for (; sent < 30 * MIB; sent += MIB) up.req.write(chunk);
    await up.finish();
    expect(up.errors).toEqual([]);
    up.req.destroy();
    expect(await openConnections()).toBe(0);
    expect(await waitForTemp(false)).toEqual([]);
    expect(await fileRows()).toBe(rows);
    expect(storedFiles(t).length).toBe(stored);
    expect(await lessonFileId(id)).toBeNull();
  });

  it('refuses a renamed file by its first bytes and a file of the other kind by its name, leaving nothing behind', async () => {
    const video = await lesson('video');
    const doc = await lesson('document');
    const rows = await fileRows();
    const stored = storedFiles(t).length;
    // A PNG (then filler past the checked head) called .mp4.
    const renamed = Buffer.concat([pngImage(), Buffer.alloc(MIB, 1)]);
    const png = await upload(t, staff, `${API}/lessons/${video}/file`, [{ name: 'file', filename: 'clip.mp4', content: renamed }]);
    expect(png.status).toBe(400);
    expect(png.body.code).toBe('content.file.type');
    const pdfToVideo = await upload(t, staff, `${API}/lessons/${video}/file`, [{ name: 'file', filename: '讲义.pdf', content: simpleChinesePdf('讲义', ['一']) }]);
    expect(pdfToVideo.status).toBe(400);
    expect(pdfToVideo.body.errors[0]).toMatchObject({ field: 'file', code: 'file_kind_mismatch' });
    const videoAsPdf = await upload(t, staff, `${API}/lessons/${doc}/file`, [{ name: 'file', filename: 'clip.pdf', content: mp4Like(2 * MIB) }]);
    expect(videoAsPdf.status).toBe(400);
    expect(videoAsPdf.body.code).toBe('content.file.type');
    const empty = await upload(t, staff, `${API}/lessons/${video}/file`, [{ name: 'file', filename: 'empty.mp4', content: Buffer.alloc(0) }]);
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('content.file.empty');
    const extra = await upload(t, staff, `${API}/lessons/${video}/file`, [{ name: 'file', filename: 'v.mp4', content: mp4Like(4000) }, { name: 'note', value: 'x' }]);
    expect(extra.status).toBe(400);
    expect(extra.body.errors[0].field).toBe('note');
    const none = await upload(t, staff, `${API}/lessons/${video}/file`, [{ name: '_csrf', value: staff.csrfToken! }]);
    expect(none.status).toBe(400);
    expect(none.body.errors[0].field).toBe('file');
    expect((await staff.post(`${API}/lessons/${video}/file`, { file: 'x' })).status).toBe(415);

    expect(tempFiles()).toEqual([]);
    expect(await fileRows()).toBe(rows);
    expect(storedFiles(t).length).toBe(stored);
    expect(await lessonFileId(video)).toBeNull();
  });

  it('leaves no temporary file and no row when the client disconnects mid-upload', async () => {
    const id = await lesson('video');
    const rows = await fileRows();
    const stored = storedFiles(t).length;
    const up = openUpload(port, staff, `${API}/lessons/${id}/file`, 'cut.mp4', 8 * MIB);
    await up.write(mp4Like(2 * MIB));
    // The head passed its check: the file is being written when the connection drops.
    expect(await waitForTemp(true)).toHaveLength(1);
    up.req.destroy();
    expect(await waitForTemp(false)).toEqual([]);
    expect(await fileRows()).toBe(rows);
    expect(storedFiles(t).length).toBe(stored);
    expect(await lessonFileId(id)).toBeNull();
    // The lesson takes a complete upload afterwards.
    const ok = await upload(t, staff, `${API}/lessons/${id}/file`, [{ name: 'file', filename: 'whole.mp4', content: mp4Like(5000) }]);
    expect(ok.status, ok.raw).toBe(200);
  });

  it('removes the received file when the lesson is gone by the time it has arrived (404, nothing stored)', async () => {
    const id = await lesson('video');
    const rows = await fileRows();
    const stored = storedFiles(t).length;
    const bytes = mp4Like(2 * MIB);
    const up = openUpload(port, staff, `${API}/lessons/${id}/file`, 'late.mp4', bytes.length);
    await up.write(bytes.subarray(0, MIB));
    expect(await waitForTemp(true)).toHaveLength(1);
    expect((await staff.delete(`${API}/lessons/${id}`)).status).toBe(200);
    await up.write(bytes.subarray(MIB));
    await up.finish();
    const res = await up.response;
    expect(res.status).toBe(404);
    expect(tempFiles()).toEqual([]);
    expect(await fileRows()).toBe(rows);
    expect(storedFiles(t).length).toBe(stored);
  });

  it('keeps its temporary folder inside DATA_DIR', () => {
    expect(path.relative(t.db.dataDir, uploadTempDir(t.app.core)).startsWith('..')).toBe(false);
  });
});
