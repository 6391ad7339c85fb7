import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/test-app.js';
import { testDialects } from '../../../../../test/support/databases.js';
import { fakeClock } from '../../../../../test/support/fake-clock.js';
import { centerOf, TOWN_IDS } from '../../../../../test/support/demo-roles.js';
import { h } from '../../../../portal/jsx.js';
import { registerClassPageSection } from '../class-page-sections.js';
import { listOpenClassesOfInstitution } from '../institution-classes.js';

describe.each(testDialects())('portal class pages on %s', (kind) => {
  let t: TestApp;
  // 2026-03-02 09:00 in Shanghai: the demo's current term began on 2026-02-02.
  const clock = fakeClock('2026-03-02T01:00:00.000Z');
  const today = '2026-03-02';
  const db = () => t.app.database.db as any;
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
  const ids = (html: string) => [...new Set([...html.matchAll(/href="\/classes\/([0-9a-f-]{36})"/g)].map((m) => m[1]))];
  /** Every class id a filtered listing shows, over all its pages, and the total it announces. */
  async function listing(query: string): Promise<{ ids: string[]; total: number }> {
    const first = await get(`/classes${query ? `?${query}` : ''}`);
    expect(first.statusCode, first.body.slice(0, 300)).toBe(200);
    const total = Number(/共 (\d+) 个班级/.exec(first.body)![1]);
    const all = ids(first.body);
    for (let page = 2; page <= Math.ceil(total / 20); page++) all.push(...ids((await get(`/classes?${query}${query ? '&' : ''}page=${page}`)).body));
    return { ids: all, total };
  }
  const openRows = async () => db().selectFrom('learning_classes').selectAll().where('status', '=', 'open').where('ends_on', '>=', today).execute();

  beforeAll(async () => { t = await createTestApp(kind, { clock }); });
  afterAll(async () => { await t.close(); });

  it('lists every open class in pages of 20, with schedule, seats, fee and eligibility', async () => {
    const rows = await openRows();
    expect(rows.length).toBeGreaterThan(40);
    const all = await listing('');
    expect(all.total).toBe(rows.length);
    expect(all.ids.sort()).toEqual(rows.map((r: any) => r.id).sort());
    const page1 = (await get('/classes')).body;
    expect(page1).toContain('<h1 id="classes-title">学习班级</h1>');
    expect(page1).toMatch(/周[一二三四五六日](、周[一二三四五六日])? \d\d:\d\d–\d\d:\d\d/);
    expect(page1).toContain('免费');
    expect(page1).toContain('rel="next"');
    const draft = await db().selectFrom('learning_classes').select('id').where('status', '=', 'draft').executeTakeFirstOrThrow();
    expect(all.ids).not.toContain(draft.id);
  });

  it('filters by town, day of week, free seats and category', async () => {
    const rows = await openRows();
    const town = await listing(`town=${TOWN_IDS[0]}`);
    const inTown = rows.filter((r: any) => r.town_id === TOWN_IDS[0]);
    expect(inTown.length).toBeGreaterThan(0);
    expect(town.ids.sort()).toEqual(inTown.map((r: any) => r.id).sort());

    const saturday = await listing('day=6');
    const onSaturday = rows.filter((r: any) => r.weekdays.split(',').includes('6'));
    expect(onSaturday.length).toBeGreaterThan(0);
    expect(saturday.ids.sort()).toEqual(onSaturday.map((r: any) => r.id).sort());

    const full = rows.filter((r: any) => r.seats_taken >= r.seats);
    expect(full.length).toBeGreaterThan(0);
    const withSeats = await listing('seats=1');
    expect(withSeats.total).toBe(rows.length - full.length);
    for (const f of full) expect(withSeats.ids).not.toContain(f.id);
    expect((await get(`/classes/${full[0].id}`)).body).toContain('已满·可候补');

    const digital = await listing('category=digital');
    const courses = await db().selectFrom('learning_courses').select(['id', 'category']).execute();
    const digitalCourses = new Set(courses.filter((c: any) => c.category === 'digital').map((c: any) => c.id));
    expect(digital.ids.sort()).toEqual(rows.filter((r: any) => digitalCourses.has(r.course_id)).map((r: any) => r.id).sort());
  });

  it('answers 400 for a filter that means nothing and sends a lone village to its town', async () => {
    expect((await get('/classes?town=329901999000')).statusCode).toBe(400);
    expect((await get('/classes?day=8')).statusCode).toBe(400);
    expect((await get('/classes?term=no-such-term')).statusCode).toBe(400);
    const moved = await get('/classes?village=329901101001');
    expect(moved.statusCode).toBe(302);
    expect(moved.headers.location).toBe('/classes?town=329901101000&village=329901101001');
  });

  it('shows a class with its course, teacher, sessions, institution link and the enrol area of another part', async () => {
    registerClassPageSection(t.app.core, { id: 'test-enrol', order: 1, render: (cls, visitor) => h('p', { id: 'enrol-slot' }, `${cls.title}|${visitor.actor ? 'in' : 'anon'}`) });
    const teacher = await db().selectFrom('users').select('id').where('username', '=', 'teacher').executeTakeFirstOrThrow();
    const cls = await db().selectFrom('learning_classes').selectAll().where('teacher_user_id', '=', teacher.id).where('status', '=', 'open')
      .orderBy('id').executeTakeFirstOrThrow();
    const res = await get(`/classes/${cls.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<h1 id="class-title">${cls.title}</h1>`);
    expect(res.body).toContain('周雅琴 老师');
    expect(res.body).toContain(`href="/places/${cls.institution_id}"`);
    expect(res.body).toContain(`<p id="enrol-slot">${cls.title}|anon</p>`);
    const sessions = await db().selectFrom('learning_class_sessions').select('id').where('class_id', '=', cls.id).execute();
    expect(res.body.match(/<li>第 \d+ 次/g)).toHaveLength(sessions.length);
    expect(res.body).toContain('课程介绍');

    const draft = await db().selectFrom('learning_classes').select('id').where('status', '=', 'draft').executeTakeFirstOrThrow();
    expect((await get(`/classes/${draft.id}`)).statusCode).toBe(404);
    expect((await get('/classes/no-such-class')).statusCode).toBe(404);
  });

  it('gives the place page the open classes of an institution', async () => {
    const center = await centerOf(t, TOWN_IDS[0]);
    const items = await listOpenClassesOfInstitution(t.app.core, center.id);
    const expected = (await openRows()).filter((r: any) => r.institution_id === center.id);
    expect(items.map((i) => i.id).sort()).toEqual(expected.map((r: any) => r.id).sort());
    expect(items[0]).toMatchObject({ href: `/classes/${items[0].id}` });
    expect(items[0].schedule).toMatch(/^周/);
    // …and the network's place page shows them through the portal's section registry.
    const page = (await get(`/places/${center.id}`)).body;
    expect(page).toContain('正在招生的班级');
    expect(ids(page).sort()).toEqual(expected.map((r: any) => r.id).sort());
  });
});
