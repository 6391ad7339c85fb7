import type { CoreContext } from '../../../core/context.js';
import type { Locale } from '../../../core/i18n/i18n.js';
import { learningDb } from '../learning-schema.js';
import { classQuery } from './catalogue-repository.js';
import { classFacts } from './portal/class-facts.js';
import { categoryLabel, classesT } from './portal/i18n/classes-i18n.js';
import { shanghaiDateOf } from './schedule.js';

export interface InstitutionClassItem {
  id: string; href: string; title: string; category: string; categoryLabel: string; schedule: string; dates: string;
  seats: string; full: boolean; fee: string; eligibility: string;
}

/**
 * What an institution's public page (/places/:id) shows of its classes: the open ones that have not ended, soonest
 * first, with the same wording as the class cards. For the network module's place page; it reads, never writes.
 */
export async function listOpenClassesOfInstitution(core: CoreContext, institutionId: string, locale: Locale = 'zh-CN', limit = 50): Promise<InstitutionClassItem[]> {
  const t = classesT(locale);
  const rows = await classQuery(learningDb(core)).where('k.institution_id', '=', institutionId).where('k.status', '=', 'open')
    .where('k.ends_on', '>=', shanghaiDateOf(core.clock.now())).orderBy('k.starts_on').orderBy('k.id').limit(limit).execute();
  return rows.map((row) => ({
    id: row.id, href: `/classes/${row.id}`, title: row.title, category: row.category, categoryLabel: categoryLabel(t, row.category),
    ...classFacts(row, t, locale),
  }));
}
