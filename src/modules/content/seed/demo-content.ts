import { sql, type Kysely } from 'kysely';
import type { CoreContext } from '../../../core/context.js';
import { contentDb, type ContentDatabase } from '../content-schema.js';
import { bumpContentVersion } from '../content-version.js';
import { insertItem, publishInTransaction } from '../items/item-writer.js';
import { indexJob } from '../search/search-index.js';
import { generateArticles } from './demo-articles.js';
import { generateEssaysAndModels } from './demo-essays.js';
import { generateJobs } from './demo-jobs.js';
import type { DemoCity, DemoDoc, DemoTown } from './demo-model.js';
import { generateOfficialDocuments } from './demo-official.js';
import { seededRng } from './demo-random.js';

/** The same demo content on every install: change the seed and every title, date and number changes. */
const DEMO_SEED = 20_260_301;

export interface DemoContentReport { documents: number; jobs: number; milliseconds: number }

/**
 * Fills an empty demo database with the content module's invented documents (320, in every built-in
 * category) and 30 job postings, in one transaction, published in date order through the item writer so
 * index numbers (索引号) are gap-free per organ and year and the search index is filled. Does nothing when
 * content items already exist or when the demo city is missing.
 */
export async function seedDemoContent(core: CoreContext): Promise<DemoContentReport | null> {
  const started = performance.now();
  const db = contentDb(core);
  if (await db.selectFrom('content_items').select('id').limit(1).executeTakeFirst()) return null;
  const city = await loadDemoCity(db, core.clock.now());
  if (!city) return null;
  const users = new Map((await db.selectFrom('users').select(['id', 'username']).execute()).map((u) => [u.username, u.id]));
  const editorId = users.get('editor');
  if (!editorId) return null;

  const rng = seededRng(DEMO_SEED);
  const official = generateOfficialDocuments(rng, city);
  const docs = distinctTitles([...official.documents, ...generateArticles(rng, city), ...generateEssaysAndModels(rng, city)]
    .sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime()), official.repeals);
  const trainingNotices = docs.filter((d) => d.categoryId === 'notices').map((d) => ({ id: d.id, title: d.title }));
  const jobs = generateJobs(rng, city, editorId, trainingNotices);

  await db.transaction().execute(async (trx) => {
    for (const doc of docs) {
      await writeDocument(trx, core, doc, users.get(doc.createdBy) ?? editorId);
    }
    await setViewCounts(trx, docs);
    for (const [oldId, newId] of official.repeals) {
      await trx.updateTable('content_official_documents').set({ validity: 'repealed', repealed_by_id: newId }).where('item_id', '=', oldId).execute();
    }
    if (official.expired.size > 0) {
      await trx.updateTable('content_official_documents').set({ validity: 'expired' }).where('item_id', 'in', [...official.expired]).execute();
    }
    await trx.insertInto('content_jobs').values(jobs).execute();
    for (const job of jobs) await indexJob(trx, core.dialect, job.id);
    await bumpContentVersion(trx);
  });
  return { documents: docs.length, jobs: jobs.length, milliseconds: Math.round(performance.now() - started) };
}

const SERIES = ['二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * Templates sometimes draw the same title twice. A real portal does not publish one organ's identical document
 * twice in a year, so a repeated official document is dropped (unless a repeal or an interpretation points at it);
 * a repeated article becomes the next part of a series: 知识问答（二）.
 */
function distinctTitles(docs: DemoDoc[], repeals: Map<string, string>): DemoDoc[] {
  const referenced = new Set([...repeals.keys(), ...repeals.values(), ...docs.flatMap((d) => (d.interpretationOf ? [d.interpretationOf, d.id] : []))]);
  const seen = new Map<string, number>();
  const kept: DemoDoc[] = [];
  for (const doc of docs) {
    const times = seen.get(doc.title) ?? 0;
    seen.set(doc.title, times + 1);
    if (times === 0) kept.push(doc);
    else if (doc.kind === 'article' && times <= SERIES.length) kept.push({ ...doc, title: `${doc.title}（${SERIES[times - 1]}）` });
    else if (referenced.has(doc.id)) kept.push(doc);
  }
  return kept;
}

async function writeDocument(trx: Kysely<ContentDatabase>, core: CoreContext, doc: DemoDoc, userId: string) {
  const at = doc.publishedAt.toISOString();
  await insertItem(trx, {
    id: doc.id, category_id: doc.categoryId, kind: doc.kind, title: doc.title, summary: doc.summary, body_html: doc.bodyHtml,
    source: doc.source, author: doc.author, keywords: doc.keywords, owner_scope_type: doc.owner.type, owner_scope_id: doc.owner.id,
    owner_path: doc.owner.path, interpretation_of_id: doc.interpretationOf ?? null, created_by: userId, created_at: at,
  }, doc.official);
  await publishInTransaction(trx, core, doc.id, doc.publishedAt);
}

/** Historical view counts in one statement (VALUES columns are column1, column2 on both databases). */
async function setViewCounts(trx: Kysely<ContentDatabase>, docs: DemoDoc[]) {
  const rows = sql.join(docs.map((d) => sql`(${d.id}, cast(${d.viewCount} as integer))`));
  await sql`update content_items set view_count = v.column2 from (values ${rows}) as v where content_items.id = v.column1`.execute(trx);
}

/** The demo city core's demo seed made: towns in order, each with its center, villages and admin account. */
async function loadDemoCity(db: Kysely<ContentDatabase>, now: Date): Promise<DemoCity | null> {
  const regions = await db.selectFrom('regions').select(['id', 'name', 'level', 'parent_id', 'path']).orderBy('sort').orderBy('id').execute();
  const cityRow = regions.find((r) => r.level === 'city');
  if (!cityRow) return null;
  const institutions = await db.selectFrom('institutions').select(['id', 'name', 'kind', 'region_id', 'path']).where('status', '=', 'active').execute();
  const towns: DemoTown[] = [];
  for (const town of regions.filter((r) => r.level === 'town')) {
    const center = institutions.find((i) => i.kind === 'community_education_center' && i.region_id === town.id);
    const villages = regions.filter((r) => r.parent_id === town.id).map((v) => ({ id: v.id, name: v.name }));
    if (!center || villages.length === 0) continue;
    towns.push({ index: towns.length, name: town.name, id: town.id, path: town.path, center: { id: center.id, name: center.name, path: center.path },
      villages, admin: towns.length === 0 ? 'town' : `town${String(towns.length + 1).padStart(2, '0')}` });
  }
  if (towns.length === 0) return null;
  const employer = institutions.find((i) => i.kind === 'employer');
  return {
    name: cityRow.name, id: cityRow.id, path: cityRow.path, towns, now,
    employer: employer ? { id: employer.id, name: employer.name, path: employer.path, regionId: employer.region_id } : null,
  };
}
