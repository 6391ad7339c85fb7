import type { TestApp } from './test-app.js';
import { contentDb, type ContentDatabase } from '../../src/modules/content/content-schema.js';
import { insertItem, publishInTransaction, type NewOfficialFields } from '../../src/modules/content/items/item-writer.js';
import { bumpContentVersion } from '../../src/modules/content/content-version.js';
import type { Kysely } from 'kysely';

/**
 * Published content for page tests, written the way the workflow writes it: `insertItem` (sanitised body,
 * revision 1) and `publishInTransaction` (server time, index number, search index, content version).
 */
export interface ItemSpec {
  category: string;
  title: string;
  body: string;
  publishedAt: Date;
  source?: string;
  summary?: string | null;
  keywords?: string;
  official?: NewOfficialFields;
  interpretationOf?: string;
  /** Leave as a draft (never published). */
  draft?: boolean;
}

async function cityScope(t: TestApp) {
  const db = contentDb(t.app.core);
  const city = await db.selectFrom('regions').select(['id', 'path']).where('level', '=', 'city').executeTakeFirstOrThrow();
  const editor = await db.selectFrom('users').select('id').where('username', '=', 'editor').executeTakeFirstOrThrow();
  return { city, editorId: editor.id };
}

export async function publishItems(t: TestApp, specs: ItemSpec[]): Promise<string[]> {
  const core = t.app.core;
  const { city, editorId } = await cityScope(t);
  const ids: string[] = [];
  for (const spec of specs) {
    const id = await contentDb(core).transaction().execute(async (trx) => {
      const kind = spec.official ? 'official_document' : 'article';
      const itemId = await insertItem(trx, {
        category_id: spec.category, kind, title: spec.title, body_html: spec.body, source: spec.source ?? '青溪市教育局',
        summary: spec.summary ?? null, keywords: spec.keywords ?? '', owner_scope_type: 'city', owner_scope_id: city.id,
        owner_path: city.path, created_by: editorId, created_at: spec.publishedAt.toISOString(),
        interpretation_of_id: spec.interpretationOf ?? null,
      }, spec.official);
      if (!spec.draft) await publishInTransaction(trx, core, itemId, spec.publishedAt);
      return itemId;
    });
    ids.push(id);
  }
  return ids;
}

/** A change visitors see (e.g. withdrawal), the way the workflow would make it. */
export async function updatePublic(t: TestApp, change: (trx: Kysely<ContentDatabase>) => Promise<unknown>) {
  await contentDb(t.app.core).transaction().execute(async (trx) => {
    await change(trx);
    await bumpContentVersion(trx);
  });
}
