import type { CoreContext } from '../../../core/context.js';
import { newId } from '../../../core/ids.js';
import { institutionsDb } from './institutions-schema.js';
import { backfillInstitutionTiers } from './tier-backfill.js';

/** Invented accreditation of the 8 demo centers, in town order: 2 provincial, 5 prefecture-level, 1 not yet. */
const CENTER_LEVELS = ['provincial', 'prefecture', 'prefecture', 'provincial', 'prefecture', 'none', 'prefecture', 'prefecture'];
const STREETS = ['文化路', '人民路', '湖滨大道', '桃园街', '龙溪路', '松岗大街', '白沙路', '港城大道'];

/**
 * Places core's demo institutions in the three tiers (core seeds them after all migrations ran, so
 * migration 0006's backfill never saw them) and gives them invented addresses, hours, contacts and the
 * centers' accreditation. Runs first in the network module's seedDemo: the other parts rely on tiers.
 */
export async function seedDemoInstitutions(core: CoreContext): Promise<void> {
  const db = institutionsDb(core);
  const at = core.clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    await backfillInstitutionTiers(trx);
    // Once only: an app restarted on the same demo database keeps what staff changed since.
    if (await trx.selectFrom('network_accreditations').select('institution_id').limit(1).executeTakeFirst()) return;
    const rows = await trx.selectFrom('institutions').innerJoin('regions', 'regions.id', 'institutions.region_id')
      .select(['institutions.id', 'institutions.name', 'institutions.tier', 'institutions.region_id', 'regions.name as region_name', 'regions.parent_id'])
      .where('institutions.tier', 'is not', null).orderBy('institutions.region_id').orderBy('institutions.name').execute();
    const townIds = [...new Set(rows.filter((r) => r.tier === 'center').map((r) => r.region_id))].sort();
    for (const [i, row] of rows.entries()) {
      const townIndex = Math.max(0, townIds.indexOf(row.tier === 'center' ? row.region_id : row.parent_id ?? row.region_id));
      const isCenter = row.tier === 'center';
      await trx.updateTable('institutions').set({
        address: `${row.region_name}${STREETS[townIndex % STREETS.length]}${(i * 17) % 200 + 1}号`,
        opening_hours: isCenter ? '周一至周五 8:30–17:30，周六 9:00–16:00' : '周二、周四 14:00–17:00，周六 9:00–11:30',
        contact_name: isCenter ? '教务办公室' : '学校联络员',
        contact_phone: `0571-8${String(6000000 + i * 1357).slice(0, 7)}`,
        description: isCenter
          ? `${row.name}是全镇社区教育的枢纽，统筹辖区内市民学校、老年学校等学习场所，开设文化、技能、健康和数字生活等课程。`
          : `${row.name}面向周边居民开放，就近开展读书、健康讲座、技能培训和文体活动。`,
      }).where('id', '=', row.id).execute();
    }
    for (const [t, townId] of townIds.entries()) {
      const center = rows.find((r) => r.tier === 'center' && r.region_id === townId)!;
      const level = CENTER_LEVELS[t % CENTER_LEVELS.length];
      const grantedOn = `${2019 + (t % 5)}-0${1 + (t % 9)}-15`;
      const nextReview = `${2025 + (t % 5) + 3}-0${1 + (t % 9)}-15`;
      const certificate = level === 'none' ? '' : `${level === 'provincial' ? 'ZJ' : 'QX'}-SQJY-${2019 + (t % 5)}-${String(t + 1).padStart(3, '0')}`;
      await trx.updateTable('institutions').set({ accreditation_level_id: level }).where('id', '=', center.id).execute();
      const granted = level === 'none' ? null : grantedOn;
      const review = level === 'none' ? null : nextReview;
      await trx.insertInto('network_accreditations').values({ institution_id: center.id, level_id: level, granted_on: granted,
        certificate_no: certificate, next_review_on: review, updated_by: null, updated_at: at }).execute();
      await trx.insertInto('network_accreditation_history').values({ id: newId(), institution_id: center.id, from_level_id: null,
        level_id: level, granted_on: granted, certificate_no: certificate, next_review_on: review, changed_by: null,
        changed_by_name: '演示数据', changed_at: at }).execute();
    }
  });
}
