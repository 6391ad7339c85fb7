import { registerOwnDataSection } from '../../../core/auth/own-data-sections.js';
import { creditDb } from '../credits/credit-schema.js';

/**
 * The rest of the learning module's part of the own-data export (own-data.ts has the rest): the pass/fail results
 * teachers recorded, and how many classes the person used of each term's limit.
 */
registerOwnDataSection('learningAssessments', async (core, userId) => {
  const rows = await creditDb(core).selectFrom('learning_assessments as a').innerJoin('learning_classes as c', 'c.id', 'a.class_id')
    .leftJoin('users as u', 'u.id', 'a.recorded_by')
    .select(['a.class_id', 'c.title as class_title', 'a.passed', 'a.recorded_at', 'u.display_name as recorded_by_name'])
    .where('a.user_id', '=', userId).orderBy('a.recorded_at').orderBy('a.class_id').execute();
  return rows.map((r) => ({ classId: r.class_id, classTitle: r.class_title, passed: r.passed === 1, recordedBy: r.recorded_by_name, recordedAt: r.recorded_at }));
});

registerOwnDataSection('learningTermQuotas', async (core, userId) => {
  const rows = await creditDb(core).selectFrom('learning_term_quotas as q').innerJoin('learning_terms as t', 't.id', 'q.term_id')
    .select(['q.term_id', 't.name', 'q.used', 't.enrol_limit']).where('q.user_id', '=', userId).orderBy('t.starts_on').execute();
  return rows.map((r) => ({ termId: r.term_id, term: r.name, classesUsed: r.used, limit: r.enrol_limit }));
});
