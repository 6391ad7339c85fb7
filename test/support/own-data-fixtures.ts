import type { Kysely } from 'kysely';
import type { CoreContext } from '../../src/core/context.js';
import { newId } from '../../src/core/ids.js';

/**
 * One row for a person in each table the demo gives a resident no row in, built from demo rows (a class, an online
 * lesson, a survey…), so the own-data export test covers every owned table. A new owned table without demo rows for
 * the resident makes that test fail until a fixture is added here.
 */
export const ownDataFixtures: Record<string, (core: CoreContext, userId: string) => Promise<void>> = {
  async consent_guardians(core, userId) {
    const db = core.db as Kysely<any>;
    const at = core.clock.now().toISOString();
    const consentId = newId();
    await db.insertInto('consents').values({ id: consentId, user_id: userId, purpose: 'guardian', notice_version: 1, channel: 'web', given_at: at, withdrawn_at: null }).execute();
    await db.insertInto('consent_guardians').values({ user_id: userId, consent_id: consentId, guardian_name: '王秀英', guardian_relation: 'mother',
      guardian_phone_enc: core.fieldCrypto.encrypt('13912345678'), minor_until: '2030-05-01', created_at: at }).execute();
  },
  async network_people(core, userId) {
    const db = core.db as Kysely<any>;
    const at = core.clock.now().toISOString();
    const institution = await db.selectFrom('institutions').select('id').orderBy('path').executeTakeFirstOrThrow();
    await db.insertInto('network_people').values({ id: newId(), institution_id: institution.id, user_id: userId, name: '志愿讲师', employment: 'volunteer',
      title: '', subjects: '书法', qualifications: '', phone_enc: null, phone_hash: null, id_number_enc: null, id_number_hash: null, status: 'active',
      left_at: null, version: 1, created_at: at, updated_at: at }).execute();
  },
  async learning_proxy_links(core, userId) {
    const db = core.db as Kysely<any>;
    const at = core.clock.now().toISOString();
    const relative = await db.selectFrom('users').select('id').where('kind', '=', 'resident').where('id', '<>', userId).orderBy('username').executeTakeFirstOrThrow();
    await db.insertInto('learning_proxy_links').values({ id: newId(), resident_id: userId, proxy_user_id: relative.id, consent_method: 'in_person',
      consent_note: '', consent_at: at, created_by: relative.id, created_at: at, revoked_at: null }).execute();
  },
  async learning_assessments(core, userId) {
    const db = core.db as Kysely<any>;
    const enrolment = await db.selectFrom('learning_enrolments').select(['id', 'class_id']).where('user_id', '=', userId).orderBy('id').executeTakeFirstOrThrow();
    await db.insertInto('learning_assessments').values({ enrolment_id: enrolment.id, class_id: enrolment.class_id, user_id: userId, passed: 1,
      recorded_by: null, recorded_at: core.clock.now().toISOString() }).execute();
  },
  async learning_lottery_applications(core, userId) {
    const db = core.db as Kysely<any>;
    const at = core.clock.now().toISOString();
    const cls = await db.selectFrom('learning_classes').select(['id', 'term_id']).orderBy('id').executeTakeFirstOrThrow();
    await db.insertInto('learning_lottery_applications').values({ id: newId(), class_id: cls.id, user_id: userId, term_id: cls.term_id, ticket: `T-${newId()}`,
      priority_group: 1, status: 'applied', draw_rank: null, enrolment_id: null, applied_at: at, withdrawn_at: null, updated_at: at }).execute();
  },
  async learning_online_learners(core, userId) {
    const db = core.db as Kysely<any>;
    const at = core.clock.now().toISOString();
    const course = await db.selectFrom('learning_online_courses').select('course_id').orderBy('course_id').executeTakeFirstOrThrow();
    await db.insertInto('learning_online_learners').values({ course_id: course.course_id, user_id: userId, started_at: at, updated_at: at, completed_at: null,
      credits_tenths: null }).execute();
  },
  async learning_online_progress(core, userId) {
    const db = core.db as Kysely<any>;
    const at = core.clock.now().toISOString();
    // The lesson of a course the person has started (the export lists lessons under their courses).
    const lesson = await db.selectFrom('learning_online_lessons as l').innerJoin('learning_online_learners as a', 'a.course_id', 'l.course_id')
      .select(['l.id', 'l.course_id']).where('a.user_id', '=', userId).orderBy('l.seq').executeTakeFirstOrThrow();
    await db.insertInto('learning_online_progress').values({ lesson_id: lesson.id, user_id: userId, course_id: lesson.course_id, status: 'started',
      position_seconds: 30, opened_at: at, updated_at: at, completed_at: null }).execute();
  },
  async learning_survey_responses(core, userId) {
    const db = core.db as Kysely<any>;
    const survey = await db.selectFrom('learning_surveys').select('id').orderBy('id').executeTakeFirstOrThrow();
    const user = await db.selectFrom('users').select('home_path').where('id', '=', userId).executeTakeFirstOrThrow();
    await db.insertInto('learning_survey_responses').values({ id: newId(), survey_id: survey.id, user_id: userId, respondent_path: user.home_path ?? '/',
      town_id: null, age_group: 'unknown', submitted_at: core.clock.now().toISOString() }).execute();
  },
};
