import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/support/test-app.js';
import { testDialects } from '../../../../test/support/databases.js';
import { fakeClock } from '../../../../test/support/fake-clock.js';
import { centerOf, TOWN_IDS, userIdOf } from '../../../../test/support/demo-roles.js';
import { storedFiles, upload } from '../../../../test/support/upload-client.js';
import { pngImage } from '../../../../test/support/upload-fixtures.js';
import { simpleChinesePdf } from './demo-pdf.js';
import { onlineDb } from './online-schema.js';

const API = '/api/v1/learning/online';

/** A file with an MP4 signature (ftyp box) and filler: enough for type checks and byte ranges, not a playable video. */
function mp4Like(size: number): Buffer {
  const box = (type: string, payload: Buffer) => {
    const b = Buffer.alloc(8 + payload.length);
    b.writeUInt32BE(8 + payload.length, 0);
    b.write(type, 4, 'latin1');
    payload.copy(b, 8);
    return b;
  };
  const head = box('ftyp', Buffer.concat([Buffer.from('isom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2avc1mp41')]));
  const filler = Buffer.alloc(size - head.length - 8);
  for (let i = 0; i < filler.length; i++) filler[i] = (i * 31 + 7) % 251;
  return Buffer.concat([head, box('mdat', filler)]);
}

describe.each(testDialects())('online courses on %s', (kind) => {
  let t: TestApp;
  let town: Client, town02: Client, staff: Client, resident: Client, resident01: Client, teacher: Client, anon: Client;
  let center1: string, center2: string;
  const clock = fakeClock('2026-03-02T01:00:00.000Z');
  const db = () => onlineDb({ db: t.app.database.db as never });
  const count = async (table: 'learning_online_courses' | 'learning_online_lessons' | 'learning_courses' | 'content_files' | 'learning_online_learners') =>
    Number((await db().selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  const newCourse = async (client: Client, over: Record<string, unknown> = {}) => {
    const res = await client.post(`${API}/courses`, { institutionId: center1, title: '测试网络课程', category: 'digital', hours: 2, credits: 1.5, coverText: '封面', ...over });
    expect(res.status, res.raw).toBe(201);
    return res.body;
  };
  const addText = async (client: Client, courseId: string, title: string, over: Record<string, unknown> = {}) => {
    const res = await client.post(`${API}/courses/${courseId}/lessons`, { kind: 'text', title, body: `<p>${title}的正文</p>`, ...over });
    expect(res.status, res.raw).toBe(201);
    return res.body;
  };
  const publish = async (client: Client, courseId: string) => {
    const detail = await client.get(`${API}/courses/${courseId}`);
    const res = await client.post(`${API}/courses/${courseId}/publish`, { version: detail.body.version });
    expect(res.status, res.raw).toBe(200);
    return res.body;
  };
  /** A published course of text lessons; returns its id and lesson ids. */
  const publishedTextCourse = async (lessons: number, over: Record<string, unknown> = {}) => {
    const course = await newCourse(staff, over);
    for (let i = 0; i < lessons; i++) await addText(staff, course.id, `第${i + 1}课`);
    const body = await publish(staff, course.id);
    return { id: course.id as string, lessonIds: body.lessons.map((l: any) => l.id as string) };
  };

  beforeAll(async () => {
    t = await createTestApp(kind, { clock });
    town = await t.login('town');
    town02 = await t.login('town02');
    staff = await t.login('staff');
    resident = await t.login('resident');
    resident01 = await t.login('resident01');
    teacher = await t.login('teacher');
    anon = t.anonymous();
    center1 = (await centerOf(t, TOWN_IDS[0]!)).id;
    center2 = (await centerOf(t, TOWN_IDS[1]!)).id;
  });
  afterAll(async () => { await t.close(); });

  it('seeds published demo courses that the portal lists by category, with lesson counts, hours and credits', async () => {
    const page = await anon.get('/courses');
    expect(page.status).toBe(200);
    expect(page.raw).toContain('智能手机入门');
    expect(page.raw).toContain('防范电信网络诈骗');
    expect(page.raw).toContain('3 个课时 · 4 学时 · 0.5 学分');
    const health = await anon.get('/courses?category=health');
    expect(health.raw).toContain('家庭急救常识');
    expect(health.raw).not.toContain('智能手机入门');
    // The nav shows 网络课程 now that the module provides it.
    expect(page.raw).toContain('href="/courses"');
  });

  it('creates a course with lessons in scope, audits it, and refuses bad input with field errors and no writes', async () => {
    const before = { online: await count('learning_online_courses'), courses: await count('learning_courses') };
    const missing = await staff.post(`${API}/courses`, { institutionId: center1, category: 'digital' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: any) => e.field).sort()).toEqual(['hours', 'title']);
    const decimals = await staff.post(`${API}/courses`, { institutionId: center1, title: 'x', category: 'digital', hours: 1.25 });
    expect(decimals.status).toBe(400);
    expect(decimals.body.errors[0].field).toBe('hours');
    const elsewhere = await staff.post(`${API}/courses`, { institutionId: center2, title: 'x', category: 'digital', hours: 1 });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.errors[0].field).toBe('institutionId');
    expect(await count('learning_online_courses')).toBe(before.online);
    expect(await count('learning_courses')).toBe(before.courses);
    expect((await resident.post(`${API}/courses`, { institutionId: center1, title: 'x', category: 'digital', hours: 1 })).status).toBe(403);
    expect((await teacher.get(`${API}/courses`)).status).toBe(403);

    const course = await newCourse(staff);
    expect(course).toMatchObject({ status: 'draft', hours: 2, credits: 1.5, coverText: '封面', lessons: [] });
    // The catalogue course is the same course.
    expect((await staff.get(`/api/v1/learning/courses/${course.id}`)).body.title).toBe('测试网络课程');
    // Scope: the town sees it, another town does not (404 looks like missing), lists are filtered too.
    expect((await town.get(`${API}/courses/${course.id}`)).status).toBe(200);
    expect((await town02.get(`${API}/courses/${course.id}`)).status).toBe(404);
    expect((await town02.patch(`${API}/courses/${course.id}`, { version: 1, title: '别镇' })).status).toBe(404);
    const list02 = await town02.get(`${API}/courses?pageSize=100`);
    expect(list02.body.items.some((c: any) => c.id === course.id)).toBe(false);
    expect((await town.get(`${API}/courses?pageSize=100&status=draft`)).body.items.some((c: any) => c.id === course.id)).toBe(true);

    // Lessons: text bodies are sanitised; each kind's rules are field errors.
    const withScript = await staff.post(`${API}/courses/${course.id}/lessons`, { kind: 'text', title: '一', body: '<p onclick="x()">正文</p><script>alert(1)</script>' });
    expect(withScript.status).toBe(201);
    expect(withScript.body.lessons[0].body).toBe('<p>正文</p>');
    const lessonsBefore = await count('learning_online_lessons');
    for (const [body, field] of [
      [{ kind: 'text', title: '空', body: '<p> </p>' }, 'body'],
      [{ kind: 'video', title: '无时长' }, 'durationSeconds'],
      [{ kind: 'document', title: '有正文', body: '<p>x</p>' }, 'body'],
    ] as const) {
      const res = await staff.post(`${API}/courses/${course.id}/lessons`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors[0].field).toBe(field);
    }
    expect((await staff.post(`${API}/courses/${course.id}/lessons`, { kind: 'audio', title: 'x' })).status).toBe(400);
    expect(await count('learning_online_lessons')).toBe(lessonsBefore);

    const edited = await staff.patch(`${API}/courses/${course.id}`, { version: 1, title: '改过的标题', credits: 2 });
    expect(edited.status, edited.raw).toBe(200);
    expect(edited.body).toMatchObject({ title: '改过的标题', credits: 2, version: 2 });
    expect((await staff.patch(`${API}/courses/${course.id}`, { version: 1, title: '旧的' })).status).toBe(409);

    const audit = await db().selectFrom('audit_log' as never).select(['action' as never]).where('target_id' as never, '=', course.id as never).execute();
    expect((audit as { action: string }[]).map((a) => a.action).sort()).toEqual(['learning.online.create', 'learning.online.lesson.create', 'learning.online.update']);
  });

  it('uploads documents and videos, refuses wrong files, reorders, publishes only when complete, and locks lessons while published', async () => {
    const course = await newCourse(town, { title: '上传测试' });
    await addText(town, course.id, '文字课');
    const doc = (await town.post(`${API}/courses/${course.id}/lessons`, { kind: 'document', title: '讲义' })).body.lessons[1];
    const video = (await town.post(`${API}/courses/${course.id}/lessons`, { kind: 'video', title: '视频', durationSeconds: 600 })).body.lessons[2];

    const noFile = await town.post(`${API}/courses/${course.id}/publish`, { version: 1 });
    expect(noFile.status).toBe(400);
    expect(noFile.raw).toContain('讲义');

    const filesBefore = storedFiles(t).length;
    const png = await upload(t, town, `${API}/lessons/${video.id}/file`, [{ name: 'file', filename: 'a.png', content: pngImage() }]);
    expect(png.status).toBe(400);
    const renamed = await upload(t, town, `${API}/lessons/${video.id}/file`, [{ name: 'file', filename: 'a.mp4', content: pngImage() }]);
    expect(renamed.status).toBe(400);
    const docAsVideo = await upload(t, town, `${API}/lessons/${doc.id}/file`, [{ name: 'file', filename: 'a.mp4', content: mp4Like(4000) }]);
    expect(docAsVideo.status).toBe(400);
    const outOfScope = await upload(t, town02, `${API}/lessons/${video.id}/file`, [{ name: 'file', filename: 'a.mp4', content: mp4Like(4000) }]);
    expect(outOfScope.status).toBe(404);
    expect(storedFiles(t).length).toBe(filesBefore);

    const pdf = await upload(t, town, `${API}/lessons/${doc.id}/file`, [{ name: 'file', filename: '讲义.pdf', content: simpleChinesePdf('讲义', ['第一行']) }]);
    expect(pdf.status, pdf.raw).toBe(200);
    expect(pdf.body.lessons[1].file).toMatchObject({ name: '讲义.pdf', mime: 'application/pdf' });
    const first = await upload(t, town, `${API}/lessons/${video.id}/file`, [{ name: 'file', filename: 'v.mp4', content: mp4Like(3000) }]);
    expect(first.status, first.raw).toBe(200);
    // Replacing a file removes the old row and bytes.
    const second = await upload(t, town, `${API}/lessons/${video.id}/file`, [{ name: 'file', filename: 'v2.mp4', content: mp4Like(5000) }]);
    expect(second.status).toBe(200);
    expect(second.body.lessons[2].file).toMatchObject({ name: 'v2.mp4', mime: 'video/mp4', size: 5000 });
    expect(storedFiles(t).length).toBe(filesBefore + 2);
    expect(second.body.lessons[2].file.id).not.toBe(first.body.lessons[2].file.id);
    expect(await db().selectFrom('content_files').select('id').where('id', '=', first.body.lessons[2].file.id).executeTakeFirst()).toBeUndefined();

    const order = second.body.lessons.map((l: any) => l.id).reverse();
    const bad = await town.put(`${API}/courses/${course.id}/lesson-order`, { lessonIds: order.slice(1) });
    expect(bad.status).toBe(400);
    const reordered = await town.put(`${API}/courses/${course.id}/lesson-order`, { lessonIds: order });
    expect(reordered.status).toBe(200);
    expect(reordered.body.lessons.map((l: any) => l.id)).toEqual(order);
    expect(reordered.body.lessons.map((l: any) => l.seq)).toEqual([1, 2, 3]);

    const published = await publish(town, course.id);
    expect(published.status).toBe('published');
    expect((await town.post(`${API}/courses/${course.id}/lessons`, { kind: 'text', title: '晚了', body: '<p>x</p>' })).status).toBe(409);
    expect((await town.delete(`${API}/lessons/${video.id}`)).status).toBe(409);
    expect((await town.patch(`${API}/lessons/${video.id}`, { title: '改' })).status).toBe(409);
    const unpublished = await town.post(`${API}/courses/${course.id}/unpublish`, { version: published.version });
    expect(unpublished.status).toBe(200);
    const removed = await town.delete(`${API}/lessons/${video.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.lessons).toHaveLength(2);
    expect(storedFiles(t).length).toBe(filesBefore + 1);
  });

  describe('files with byte ranges', () => {
    let fileUrl: string;
    const bytes = mp4Like(1000);
    const get = (client: Client, headers: Record<string, string> = {}) => client.request('GET', fileUrl, undefined, headers);

    beforeAll(async () => {
      const course = await newCourse(staff, { title: '视频课' });
      const lesson = (await staff.post(`${API}/courses/${course.id}/lessons`, { kind: 'video', title: '片段', durationSeconds: 100 })).body.lessons[0];
      expect((await upload(t, staff, `${API}/lessons/${lesson.id}/file`, [{ name: 'file', filename: 'clip.mp4', content: bytes }])).status).toBe(200);
      fileUrl = `/courses/${course.id}/lessons/${lesson.id}/file`;
      // Unpublished: the public gets the site's 404, staff of the course may check the file.
      expect((await get(resident)).status).toBe(404);
      expect((await get(staff)).status).toBe(200);
      expect((await get(town02)).status).toBe(404);
      await publish(staff, course.id);
    });

    it('needs a login, then serves the whole file with Accept-Ranges and an ETag', async () => {
      expect((await get(anon)).status).toBe(401);
      const full = await get(resident);
      expect(full.status).toBe(200);
      expect(full.headers['accept-ranges']).toBe('bytes');
      expect(full.headers['content-type']).toBe('video/mp4');
      expect(full.headers['content-length']).toBe('1000');
      expect(Buffer.from(full.raw, 'latin1').length).toBeGreaterThan(0);
      expect(full.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);
      expect(full.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect((await get(resident, { 'if-none-match': full.headers.etag })).status).toBe(304);
    });

    it('answers one range with 206 and exactly those bytes', async () => {
      const inject = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: fileUrl, headers: { cookie: `lc_session=${resident.cookie}`, ...headers } });
      const first = await inject({ range: 'bytes=0-99' });
      expect(first.statusCode).toBe(206);
      expect(first.headers['content-range']).toBe('bytes 0-99/1000');
      expect(first.headers['content-length']).toBe('100');
      expect(first.rawPayload.equals(bytes.subarray(0, 100))).toBe(true);

      const suffix = await inject({ range: 'bytes=-100' });
      expect(suffix.statusCode).toBe(206);
      expect(suffix.headers['content-range']).toBe('bytes 900-999/1000');
      expect(suffix.rawPayload.equals(bytes.subarray(900))).toBe(true);

      const open = await inject({ range: 'bytes=990-' });
      expect(open.statusCode).toBe(206);
      expect(open.headers['content-range']).toBe('bytes 990-999/1000');
      expect(open.rawPayload.equals(bytes.subarray(990))).toBe(true);

      const clipped = await inject({ range: 'bytes=500-5000' });
      expect(clipped.headers['content-range']).toBe('bytes 500-999/1000');
      expect(clipped.rawPayload.equals(bytes.subarray(500))).toBe(true);

      const beyond = await inject({ range: 'bytes=1000-1100' });
      expect(beyond.statusCode).toBe(416);
      expect(beyond.headers['content-range']).toBe('bytes */1000');

      const several = await inject({ range: 'bytes=0-9,20-29' });
      expect(several.statusCode).toBe(200);
      expect(several.rawPayload.equals(bytes)).toBe(true);

      const etag = String(first.headers.etag);
      const same = await inject({ range: 'bytes=10-19', 'if-range': etag });
      expect(same.statusCode).toBe(206);
      expect(same.rawPayload.equals(bytes.subarray(10, 20))).toBe(true);
      const changed = await inject({ range: 'bytes=10-19', 'if-range': '"0000"' });
      expect(changed.statusCode).toBe(200);
      expect(changed.rawPayload.equals(bytes)).toBe(true);
    });
  });

  it('shows the outline to everyone, lessons only after login, and unpublished courses to nobody', async () => {
    const { id, lessonIds } = await publishedTextCourse(2, { title: '大纲测试' });
    const outline = await anon.get(`/courses/${id}`);
    expect(outline.status).toBe(200);
    expect(outline.raw).toContain('第1课');
    expect(outline.raw).toContain('登录后学习');
    const lesson = await anon.get(`/courses/${id}/lessons/${lessonIds[0]}`);
    expect(lesson.status).toBe(303);
    expect(lesson.headers.location).toBe(`/login?back=${encodeURIComponent(`/courses/${id}/lessons/${lessonIds[0]}`)}`);
    const asResident = await resident.get(`/courses/${id}/lessons/${lessonIds[0]}`);
    expect(asResident.status).toBe(200);
    expect(asResident.raw).toContain('第1课的正文');
    expect(asResident.raw).toContain('学完了');

    const draft = await newCourse(staff, { title: '未发布课程' });
    await addText(staff, draft.id, '草稿课');
    expect((await anon.get(`/courses/${draft.id}`)).status).toBe(404);
    expect((await resident.get(`/courses/${draft.id}`)).status).toBe(404);
    expect((await anon.get('/courses')).raw).not.toContain('未发布课程');
    const draftLesson = (await staff.get(`${API}/courses/${draft.id}`)).body.lessons[0].id;
    expect((await resident.post(`${API}/lessons/${draftLesson}/progress`, { completed: true })).status).toBe(404);
  });

  it('records progress, completes text lessons on 学完了 and the course once, with credits and a notification', async () => {
    const { id, lessonIds } = await publishedTextCourse(2, { title: '进度测试', credits: 1.5 });
    const userId = await userIdOf(t, 'resident01');
    const first = await resident01.post(`${API}/lessons/${lessonIds[0]}/progress`, { completed: true });
    expect(first.status, first.raw).toBe(200);
    expect(first.body).toMatchObject({ status: 'completed', course: { percent: 50, completedAt: null } });

    // The portal's 学完了 form does the same.
    const form = await resident01.request('POST', `/courses/${id}/lessons/${lessonIds[1]}/done`, `_csrf=${resident01.csrfToken}`,
      { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status, form.raw).toBe(303);
    const again = await resident01.post(`${API}/lessons/${lessonIds[1]}/progress`, { completed: true });
    expect(again.body.course).toMatchObject({ percent: 100, credits: 1.5 });
    expect(again.body.course.completedAt).toBe(clock.now().toISOString());

    const notes = await db().selectFrom('notifications' as never).selectAll().where('user_id' as never, '=', userId as never)
      .where('topic' as never, '=', 'learning.online.completed' as never).execute();
    expect(notes).toHaveLength(1);
    const me = await resident01.get(`${API}/me`);
    expect(me.status).toBe(200);
    expect(me.body.items.find((c: any) => c.courseId === id)).toMatchObject({ title: '进度测试', percent: 100, creditsAwarded: 1.5, credits: 1.5, hours: 2 });
    const page = await resident01.get(`/courses/${id}`);
    expect(page.raw).toContain('获得 1.5 学分');
    expect((await anon.get(`${API}/me`)).status).toBe(401);
  });

  it('completes a video only when 90% is watched and half its length has passed since it was opened', async () => {
    const course = await newCourse(staff, { title: '视频进度' });
    const lesson = (await staff.post(`${API}/courses/${course.id}/lessons`, { kind: 'video', title: '十分钟视频', durationSeconds: 600 })).body.lessons[0];
    await upload(t, staff, `${API}/lessons/${lesson.id}/file`, [{ name: 'file', filename: 'v.mp4', content: mp4Like(2000) }]);
    await publish(staff, course.id);
    const url = `${API}/lessons/${lesson.id}/progress`;

    expect((await resident.post(url, { position: 601 })).status).toBe(400);
    const opened = await resident.post(url, { position: 120 });
    expect(opened.body).toMatchObject({ status: 'started', position: 120 });
    expect((await resident.post(url, { position: 300, completed: true })).status).toBe(400);
    // At 95% right away: the position is kept, the lesson is not complete; claiming it is refused.
    const early = await resident.post(url, { position: 570 });
    expect(early.body).toMatchObject({ status: 'started', position: 570 });
    expect((await resident.post(url, { position: 570, completed: true })).status).toBe(409);
    clock.advance(301_000);
    const done = await resident.post(url, { position: 580 });
    expect(done.body).toMatchObject({ status: 'completed', position: 580, course: { percent: 100 } });
    // The lesson page resumes at the stored position.
    const page = await resident.get(`/courses/${course.id}/lessons/${lesson.id}`);
    expect(page.raw).toContain('data-position="580"');
    expect(page.raw).toContain('preload="metadata"');
  });

  it('completes a course once under concurrent reports: one completion row, credits once, one notification', async () => {
    const { id, lessonIds } = await publishedTextCourse(3, { title: '并发完成', credits: 2 });
    const client = await t.login('resident02');
    const userId = await userIdOf(t, 'resident02');
    await client.post(`${API}/lessons/${lessonIds[0]}/progress`, { completed: true });
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) =>
      client.post(`${API}/lessons/${lessonIds[1 + (i % 2)]}/progress`, { completed: true })));
    expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
    const learners = await db().selectFrom('learning_online_learners').selectAll().where('course_id', '=', id).where('user_id', '=', userId).execute();
    expect(learners).toHaveLength(1);
    expect(learners[0]!.completed_at).not.toBeNull();
    expect(learners[0]!.credits_tenths).toBe(20);
    const notes = await db().selectFrom('notifications' as never).selectAll().where('user_id' as never, '=', userId as never)
      .where('topic' as never, '=', 'learning.online.completed' as never).execute();
    expect(notes).toHaveLength(1);
    const progress = await db().selectFrom('learning_online_progress').selectAll().where('course_id', '=', id).where('user_id', '=', userId).execute();
    expect(progress.map((p) => p.status)).toEqual(['completed', 'completed', 'completed']);
  });

  it('reuses an existing catalogue course once', async () => {
    const course = await staff.post('/api/v1/learning/courses', { institutionId: center1, title: '已有课程', category: 'arts', hours: 6, credits: 1 });
    expect(course.status, course.raw).toBe(201);
    const online = await staff.post(`${API}/courses`, { courseId: course.body.id, coverText: '线上版' });
    expect(online.status, online.raw).toBe(201);
    expect(online.body).toMatchObject({ id: course.body.id, title: '已有课程', hours: 6, coverText: '线上版' });
    expect((await staff.post(`${API}/courses`, { courseId: course.body.id })).status).toBe(409);
    expect((await town02.post(`${API}/courses`, { courseId: course.body.id })).status).toBe(400);
  });
});
