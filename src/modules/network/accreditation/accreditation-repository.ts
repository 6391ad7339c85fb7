import { sql, type Kysely } from 'kysely';
import type { InstitutionsDatabase } from '../institutions/institutions-schema.js';
import { pathUnder } from '../../../core/access/scope.js';

export async function listLevels(db: Kysely<InstitutionsDatabase>) {
  return db.selectFrom('network_accreditation_levels').selectAll().orderBy('rank').execute();
}

const iso = (v: string | Date) => (v instanceof Date ? v.toISOString() : v);

/** An institution's current accreditation and its history, newest first. */
export async function loadAccreditation(db: Kysely<InstitutionsDatabase>, institutionId: string) {
  const levels = new Map((await listLevels(db)).map((l) => [l.id, { id: l.id, nameZh: l.name_zh, nameEn: l.name_en }]));
  const current = await db.selectFrom('network_accreditations').selectAll().where('institution_id', '=', institutionId).executeTakeFirst();
  const history = await db.selectFrom('network_accreditation_history').selectAll().where('institution_id', '=', institutionId)
    .orderBy('changed_at', 'desc').orderBy('id', 'desc').execute();
  return {
    institutionId,
    current: current ? { level: levels.get(current.level_id)!, grantedOn: current.granted_on, certificateNo: current.certificate_no,
      nextReviewOn: current.next_review_on, updatedAt: iso(current.updated_at) } : null,
    history: history.map((h) => ({
      id: h.id, fromLevel: h.from_level_id ? levels.get(h.from_level_id)! : null, level: levels.get(h.level_id)!,
      grantedOn: h.granted_on, certificateNo: h.certificate_no, nextReviewOn: h.next_review_on,
      changedBy: h.changed_by_name, changedAt: iso(h.changed_at),
    })),
  };
}

/**
 * Active centers in the scope, counted per level (a center never accredited counts as the lowest level),
 * with the sentence the city wants at a glance: "8 个社区教育中心：省级 2 个，市级 5 个，未评定 1 个".
 */
export async function accreditationSummary(db: Kysely<InstitutionsDatabase>, scopePaths: string[]) {
  const levels = await listLevels(db);
  const lowest = levels[0]?.id ?? 'none';
  const counts = await db.selectFrom('institutions')
    .select(['accreditation_level_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('tier', '=', 'center').where('status', '=', 'active').where(pathUnder(sql.ref('path'), scopePaths))
    .groupBy('accreditation_level_id').execute();
  const countOf = new Map<string, number>();
  for (const c of counts) {
    const id = c.accreditation_level_id ?? lowest;
    countOf.set(id, (countOf.get(id) ?? 0) + Number(c.n));
  }
  const byLevel = levels.map((l) => ({ id: l.id, nameZh: l.name_zh, nameEn: l.name_en, rank: l.rank, count: countOf.get(l.id) ?? 0 }));
  const centers = byLevel.reduce((sum, l) => sum + l.count, 0);
  // Highest level first, as people say it; levels nobody holds are left out of the sentence.
  const held = [...byLevel].reverse().filter((l) => l.count > 0);
  return {
    centers,
    levels: byLevel,
    textZh: `${centers} 个社区教育中心${held.length ? '：' + held.map((l) => `${l.nameZh} ${l.count} 个`).join('，') : ''}`,
    textEn: `${centers} center${centers === 1 ? '' : 's'}${held.length ? ', ' + held.map((l) => `${l.count} ${l.nameEn.toLowerCase()}`).join(', ') : ''}`,
  };
}
