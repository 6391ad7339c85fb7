import type { CoreContext } from '../../../core/context.js';
import { newId } from '../../../core/ids.js';
import { withStoredFiles } from '../../content/files/file-store.js';
import { demoBuildingPng } from './demo-image.js';
import { asContentDb, mediaDb } from './media-schema.js';

/**
 * One drawn illustration per demo community education center, so the public place page and the back office
 * show the photo feature. The caption says it is an illustration (示意图). Stored through the content module's
 * file service like any upload. Skipped when any photo exists.
 */
export async function seedDemoPhotos(core: CoreContext): Promise<void> {
  const db = mediaDb(core);
  if (await db.selectFrom('network_institution_photos').select('id').limit(1).executeTakeFirst()) return;
  const centers = await db.selectFrom('institutions').select(['id', 'name', 'path'])
    .where('tier', '=', 'center').where('status', '=', 'active').orderBy('path').execute();
  const at = core.clock.now().toISOString();
  await withStoredFiles(core, (store) => db.transaction().execute(async (trx) => {
    for (const [n, center] of centers.entries()) {
      const file = await store(core, asContentDb(trx), {
        bytes: demoBuildingPng(n), originalName: `${center.name}示意图.png`, ownerPath: center.path, userId: null,
      }, ['image']);
      await trx.insertInto('network_institution_photos').values({
        id: newId(), institution_id: center.id, file_id: file.id, caption: `${center.name}外景（示意图）`, sort: 10,
        created_by: null, created_at: at,
      }).execute();
    }
  }));
}
