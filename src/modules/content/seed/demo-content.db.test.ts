import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { testDialects } from '../../../../test/support/databases.js';
import { fakeClock } from '../../../../test/support/fake-clock.js';
import { seedDemo } from '../../../core/seed/seed-demo.js';
import { contentDb } from '../content-schema.js';
import { parseDocNumber } from '../official/doc-number.js';
import { htmlToText, sanitizeBody } from '../items/sanitize-html.js';
import { BUILT_IN_CATEGORIES } from './seed-categories.js';
import { seedDemoContent, type DemoContentReport } from './demo-content.js';
import { ARTICLE_COUNTS } from './demo-articles.js';
import { ESSAY_COUNT, MODEL_COUNT } from './demo-essays.js';
import { EXPIRED_JOB_COUNT, JOB_COUNT } from './demo-jobs.js';

const NOW = '2026-03-02T01:00:00.000Z';
const MINIMUM_PER_CATEGORY: Record<string, number> = {
  notices: ARTICLE_COUNTS.notices, documents: 30, policies: 50, interpretations: 20, library: ARTICLE_COUNTS.library,
  'work-plans': ARTICLE_COUNTS['work-plans'], 'work-reports': ARTICLE_COUNTS['work-reports'], surveys: ARTICLE_COUNTS.surveys,
  essays: ESSAY_COUNT, models: MODEL_COUNT,
};

describe.each(testDialects())('demo content on %s', (kind) => {
  let t: TestApp;
  let report: DemoContentReport | null;
  const db = () => contentDb(t.app.core);

  beforeAll(async () => {
    // Without the platform's demo seed, so the content seed can be timed on its own.
    t = await createTestApp(kind, { demo: false, clock: fakeClock(NOW) });
    await seedDemo(t.app.core);
    report = await seedDemoContent(t.app.core);
    console.info(`demo content on ${kind}: ${report?.documents} documents and ${report?.jobs} jobs in ${report?.milliseconds} ms`);
  });
  afterAll(async () => { await t.close(); });

  it('writes at least 300 published documents across every built-in category, and 30 job postings', async () => {
    expect(report).toMatchObject({ jobs: JOB_COUNT });
    expect(report!.documents).toBeGreaterThanOrEqual(300);
    const counts = await db().selectFrom('content_items').select(['category_id', 'status']).select((eb) => eb.fn.countAll<number>().as('n'))
      .groupBy(['category_id', 'status']).execute();
    expect(counts.every((c) => c.status === 'published')).toBe(true);
    const byCategory = Object.fromEntries(counts.map((c) => [c.category_id, Number(c.n)]));
    for (const c of BUILT_IN_CATEGORIES) expect(byCategory[c.id] ?? 0, c.id).toBeGreaterThanOrEqual(MINIMUM_PER_CATEGORY[c.id]);
    expect(Object.values(byCategory).reduce((a, b) => a + b, 0)).toBe(report!.documents);
    // No two documents share a title (a portal listing the same title twice looks broken).
    const titles = (await db().selectFrom('content_items').select('title').execute()).map((r) => r.title);
    expect(titles.filter((title, i) => titles.indexOf(title) !== i)).toEqual([]);
    // Every official-document category holds only official documents, the others only articles.
    const kinds = await db().selectFrom('content_items as i').innerJoin('content_categories as c', 'c.id', 'i.category_id')
      .select(['i.kind', 'c.item_kind']).distinct().execute();
    for (const k of kinds) expect(k.kind).toBe(k.item_kind);
  });

  it('spreads publication over about three years before now, with sources and view counts', async () => {
    const rows = await db().selectFrom('content_items').select(['published_at', 'source', 'view_count']).execute();
    const times = rows.map((r) => Date.parse(r.published_at!));
    const now = Date.parse(NOW);
    expect(Math.max(...times)).toBeLessThan(now);
    expect((now - Math.min(...times)) / 86_400_000).toBeGreaterThan(900);
    expect((now - Math.min(...times)) / 86_400_000).toBeLessThan(3 * 365 + 30);
    expect(new Set(rows.map((r) => r.published_at!.slice(0, 4))).size).toBeGreaterThanOrEqual(3);
    expect(rows.every((r) => r.source.length > 0 && Number(r.view_count) > 0)).toBe(true);
  });

  it('writes bodies of 800–2,000 characters with 一、 （一） 1. headings, already in their sanitised form', async () => {
    const rows = await db().selectFrom('content_items').select(['title', 'body_html', 'body_text']).execute();
    let withSub = 0;
    let withNumbered = 0;
    const lengths = rows.map((r) => ({ title: r.title, length: htmlToText(r.body_html).replace(/\s/g, '').length }));
    expect(lengths.filter((l) => l.length < 800 || l.length > 2000)).toEqual([]);
    for (const r of rows) {
      expect(r.body_html, r.title).toMatch(/<h2>一、/);
      expect(sanitizeBody(r.body_html)).toBe(r.body_html);
      expect(r.body_text).not.toMatch(/\{\w+\}/); // every template slot was filled
      if (r.body_html.includes('<h3>（一）')) withSub++;
      if (/<p>(<strong>)?1\./.test(r.body_html)) withNumbered++;
    }
    expect(withSub).toBeGreaterThan(rows.length / 2);
    expect(withNumbered).toBeGreaterThan(rows.length / 2);
  });

  it('gives official documents valid, unique document numbers and gap-free index numbers per organ and year', async () => {
    const docs = await db().selectFrom('content_official_documents as o').innerJoin('content_items as i', 'i.id', 'o.item_id')
      .selectAll('o').select(['i.published_at', 'i.summary', 'i.title']).execute();
    expect(docs.length).toBeGreaterThanOrEqual(80);
    const numbers = docs.map((d) => d.doc_number!);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const d of docs) {
      const parsed = parseDocNumber(d.doc_number!, 2027);
      expect(parsed, d.doc_number!).not.toHaveProperty('problem');
      expect(parsed).toMatchObject({ text: d.doc_number, year: Number(d.written_date!.slice(0, 4)) });
      expect(d.doc_year).toBe(Number(d.written_date!.slice(0, 4)));
      expect(d.written_date! <= d.published_at!.slice(0, 10)).toBe(true);
      expect([...d.summary!].length).toBeLessThanOrEqual(100);
      expect(d.signer && d.addressees && d.issuing_organ && d.topic && d.printing_organ).toBeTruthy();
      expect(d.index_number).toBe(`${d.organ_code}/${d.index_year}-${String(d.index_serial).padStart(5, '0')}`);
    }
    const serials = new Map<string, number[]>();
    for (const d of docs) serials.set(`${d.organ_code}/${d.index_year}`, [...(serials.get(`${d.organ_code}/${d.index_year}`) ?? []), Number(d.index_serial)]);
    for (const [key, list] of serials) expect(list.sort((a, b) => a - b), key).toEqual(list.map((_, i) => i + 1));
    const counters = await db().selectFrom('content_index_counters').selectAll().execute();
    for (const c of counters) expect(c.last_serial, `${c.organ_code}/${c.year}`).toBe(serials.get(`${c.organ_code}/${c.year}`)!.length);
    expect(new Set(docs.map((d) => d.doc_type)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(docs.map((d) => d.issuing_organ))).toEqual(expect.objectContaining({ size: expect.any(Number) }));
    expect(new Set(docs.map((d) => d.issuing_organ)).size).toBeGreaterThanOrEqual(6);
  });

  it('repeals some policies by later revisions of the same organ, and links interpretations to their policies', async () => {
    const docs = await db().selectFrom('content_official_documents as o').innerJoin('content_items as i', 'i.id', 'o.item_id')
      .select(['o.item_id', 'o.validity', 'o.repealed_by_id', 'o.issuing_organ', 'i.published_at', 'i.title']).execute();
    const byId = new Map(docs.map((d) => [d.item_id, d]));
    const repealed = docs.filter((d) => d.validity === 'repealed');
    expect(repealed.length).toBeGreaterThanOrEqual(5);
    for (const old of repealed) {
      const by = byId.get(old.repealed_by_id!)!;
      expect(by.issuing_organ).toBe(old.issuing_organ);
      expect(by.published_at! > old.published_at!, `${old.title} ${old.published_at} → ${by.title} ${by.published_at}`).toBe(true);
      expect(by.title).toContain('修订');
    }
    expect(docs.some((d) => d.validity === 'expired')).toBe(true);
    const interpretations = await db().selectFrom('content_items as a').innerJoin('content_items as p', 'p.id', 'a.interpretation_of_id')
      .select(['a.category_id', 'a.published_at', 'p.published_at as policy_published_at', 'p.category_id as policy_category', 'a.title', 'p.title as policy_title']).execute();
    expect(interpretations.length).toBe(20);
    for (const i of interpretations) {
      expect(i).toMatchObject({ category_id: 'interpretations', policy_category: 'policies' });
      expect(i.published_at! > i.policy_published_at!, `${i.policy_title} ${i.policy_published_at} → ${i.published_at}`).toBe(true);
    }
  });

  it('writes 30 job postings, some past their closing date, with landline contacts and valid links', async () => {
    const jobs = await db().selectFrom('content_jobs').selectAll().execute();
    expect(jobs).toHaveLength(JOB_COUNT);
    expect(jobs.filter((j) => j.valid_until < '2026-03-02')).toHaveLength(EXPIRED_JOB_COUNT);
    for (const j of jobs) {
      expect(j.status).toBe('published');
      expect(j.contact).toMatch(/0519-8\d{7}/);
      if (j.salary_min !== null && j.salary_max !== null) expect(Number(j.salary_min)).toBeLessThanOrEqual(Number(j.salary_max));
      expect(Number(j.headcount)).toBeGreaterThanOrEqual(1);
    }
    expect(jobs.some((j) => j.training_link?.startsWith('/a/'))).toBe(true);
    expect(jobs.filter((j) => j.employer_name === '青溪绿源食品有限公司').length).toBeGreaterThan(0);
  });

  it('is deterministic and runs once: a second call finds content and does nothing', async () => {
    const before = await db().selectFrom('content_items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(await seedDemoContent(t.app.core)).toBeNull();
    const after = await db().selectFrom('content_items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

});
