import type { Kysely } from 'kysely';
import type { RequestContext, Actor } from '../../../core/access/actor.js';
import type { CoreContext } from '../../../core/context.js';
import { appendAudit } from '../../../core/audit/audit-log.js';
import type { Database } from '../../../core/db/schema.js';
import { invalidField, notFound } from '../../../core/http/errors.js';
import { institutionsDb } from '../institutions/institutions-schema.js';
import type { RenameLevelInput } from './accreditation-schemas.js';

/** The level names are the city's to choose (a province may call them differently); ids and ranks stay. */
export async function renameLevel(core: CoreContext, ctx: RequestContext & { actor: Actor }, id: string, input: RenameLevelInput): Promise<void> {
  const now = core.clock.now();
  await institutionsDb(core).transaction().execute(async (trx) => {
    const before = await trx.selectFrom('network_accreditation_levels').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('network.accreditation.level_unknown');
    const nameZh = input.nameZh.trim();
    const nameEn = input.nameEn.trim();
    if (!nameZh) throw invalidField('nameZh', 'request.invalid', 'required');
    if (!nameEn) throw invalidField('nameEn', 'request.invalid', 'required');
    const clash = await trx.selectFrom('network_accreditation_levels').select('id').where('id', '!=', id)
      .where((eb) => eb.or([eb('name_zh', '=', nameZh), eb('name_en', '=', nameEn)])).executeTakeFirst();
    if (clash) throw invalidField('nameZh', 'network.accreditation.level_name_taken');
    await trx.updateTable('network_accreditation_levels').set({ name_zh: nameZh, name_en: nameEn }).where('id', '=', id).execute();
    await appendAudit(trx as unknown as Kysely<Database>, ctx, { action: 'network.accreditation.level_rename', targetType: 'accreditation_level', targetId: id,
      before: { nameZh: before.name_zh, nameEn: before.name_en }, after: { nameZh, nameEn } }, now);
  });
}
