import { sql, type Kysely } from 'kysely';
import type { CoreContext } from '../../src/core/context.js';
import { newId } from '../../src/core/ids.js';
import { type ContentDatabase, type ItemStatus, type OfficialDocType, type Validity } from '../../src/modules/content/content-schema.js';
import { indexItem, indexJob, reindexAll } from '../../src/modules/content/search/search-index.js';

/**
 * Search test fixtures: items and job postings written straight into the content tables and indexed the way
 * the workflow does (indexItem / indexJob inside the transaction), so the search tests need nothing from
 * the editorial workflow but its tables.
 */
export interface FixtureItem {
  title: string;
  body: string;
  category?: string;
  publishedAt: string;
  status?: ItemStatus;
  official?: { docType: OfficialDocType; organ: string; docNumber?: string; year?: number; validity?: Validity };
}

let authorId: string | null = null;

async function author(core: CoreContext): Promise<string> {
  if (authorId && (await core.db.selectFrom('users').select('id').where('id', '=', authorId).executeTakeFirst())) return authorId;
  authorId = (await core.db.selectFrom('users').select('id').where('username', '=', 'editor').executeTakeFirstOrThrow()).id;
  return authorId;
}

export async function addItem(core: CoreContext, item: FixtureItem): Promise<string> {
  const id = newId();
  const createdBy = await author(core);
  const status = item.status ?? 'published';
  await core.db.transaction().execute(async (t) => {
    const trx = t as unknown as Kysely<ContentDatabase>;
    await trx.insertInto('content_items').values({
      id, category_id: item.category ?? (item.official ? 'policies' : 'notices'), kind: item.official ? 'official_document' : 'article',
      title: item.title, subtitle: null, summary: null, body_html: `<p>${item.body}</p>`, body_text: item.body, source: '青溪市教育局',
      author: null, keywords: '', owner_scope_type: 'city', owner_scope_id: '329901', owner_path: '/329901/', status,
      reviews_required: 0, reviews_passed: 0, signed_by: null, signed_by_name: null, signed_at: null, publish_at: null,
      published_at: status === 'published' ? item.publishedAt : null, withdrawn_at: null, archived_at: null, revision: 1, view_count: 0,
      interpretation_of_id: null, created_by: createdBy, created_at: item.publishedAt, updated_at: item.publishedAt,
    }).execute();
    if (item.official) {
      await trx.insertInto('content_official_documents').values({
        item_id: id, doc_type: item.official.docType, issuing_organ: item.official.organ, organ_code: '000014349',
        doc_number: item.official.docNumber ?? null, doc_year: item.official.year ?? Number(item.publishedAt.slice(0, 4)), signer: null,
        addressees: '各镇人民政府', cc: '', written_date: null, printing_organ: null, printing_date: null, index_number: null, index_year: null,
        index_serial: null, topic: '教育', validity: item.official.validity ?? 'valid', repealed_by_id: null, disclosure: 'proactive', attachment_notes: null,
      }).execute();
    }
    await indexItem(trx, core.dialect, id);
  });
  return id;
}

/** Changes an item's status the way a withdrawal or archiving does, and updates the index in the same transaction. */
export async function setItemStatus(core: CoreContext, id: string, status: ItemStatus): Promise<void> {
  await core.db.transaction().execute(async (t) => {
    const trx = t as unknown as Kysely<ContentDatabase>;
    await trx.updateTable('content_items').set({ status }).where('id', '=', id).execute();
    await indexItem(trx, core.dialect, id);
  });
}

export async function addJob(core: CoreContext, job: { position: string; employer: string; requirements: string; publishedAt: string; validUntil: string; status?: 'draft' | 'published' }): Promise<string> {
  const id = newId();
  const createdBy = await author(core);
  await core.db.transaction().execute(async (t) => {
    const trx = t as unknown as Kysely<ContentDatabase>;
    await trx.insertInto('content_jobs').values({
      id, employer_name: job.employer, position: job.position, headcount: 2, region_id: '329901101000', salary_min: 3000, salary_max: 5000,
      requirements_html: `<p>${job.requirements}</p>`, requirements_text: job.requirements, contact: '0571-00000000', valid_until: job.validUntil,
      training_link: null, owner_scope_type: 'city', owner_scope_id: '329901', owner_path: '/329901/', status: job.status ?? 'published',
      published_at: (job.status ?? 'published') === 'published' ? job.publishedAt : null, view_count: 0, created_by: createdBy,
      created_at: job.publishedAt, updated_at: job.publishedAt,
    }).execute();
    await indexJob(trx, core.dialect, id);
  });
  return id;
}

/**
 * Removes every item and job posting (the demo content included) and empties the search index, so a search
 * test runs over its own fixed corpus only. Links between items are cut first (they are foreign keys).
 */
export async function clearContent(core: CoreContext): Promise<void> {
  await core.db.transaction().execute(async (t) => {
    const trx = t as unknown as Kysely<ContentDatabase>;
    await trx.updateTable('content_items').set({ interpretation_of_id: null }).execute();
    await trx.updateTable('content_official_documents').set({ repealed_by_id: null }).execute();
    await sql`delete from content_pending_edits`.execute(trx);
    await trx.deleteFrom('content_views').execute();
    await trx.deleteFrom('content_attachments').execute();
    await trx.deleteFrom('content_items').execute();
    await trx.deleteFrom('content_jobs').execute();
  });
  await reindexAll(core);
}
