import { registerOwnDataSection } from '../../../core/auth/own-data-sections.js';
import { fromTenths } from '../catalogue/catalogue-format.js';
import { myCertificates, presentCertificate } from '../certificates/certificate-queries.js';
import { creditDb } from '../credits/credit-schema.js';
import { awardsOf, ledgerOf } from '../credits/credit-queries.js';
import { lotteryDb } from '../lottery/lottery-schema.js';

/**
 * The learning module's part of the own-data export (POST /api/v1/auth/export): every row whose user_id is the
 * person's, with the names of the people who acted for them. Nothing about other residents (survey sections list
 * only the person's own answers).
 */
registerOwnDataSection('learningEnrolments', async (core, userId) => {
  const db = creditDb(core);
  const enrolments = await db.selectFrom('learning_enrolments as e').innerJoin('learning_classes as c', 'c.id', 'e.class_id')
    .innerJoin('institutions as i', 'i.id', 'c.institution_id').leftJoin('users as a', 'a.id', 'e.acted_by')
    .select(['e.id', 'e.class_id', 'c.title as class_title', 'i.name as institution_name', 'e.status', 'e.source', 'e.waitlist_seq',
      'e.offered_at', 'e.offer_expires_at', 'e.enrolled_at', 'e.cancelled_at', 'e.completed_at', 'e.consent_method', 'e.consent_note',
      'e.consent_at', 'e.created_at', 'e.updated_at', 'a.display_name as acted_by_name'])
    .where('e.user_id', '=', userId).orderBy('e.created_at').orderBy('e.id').execute();
  const events = enrolments.length === 0 ? [] : await db.selectFrom('learning_enrolment_events as ev').leftJoin('users as u', 'u.id', 'ev.actor_id')
    .select(['ev.enrolment_id', 'ev.event', 'ev.note', 'ev.at', 'u.display_name as actor_name'])
    .where('ev.enrolment_id', 'in', enrolments.map((e) => e.id)).orderBy('ev.at').orderBy('ev.id').execute();
  const proxies = await db.selectFrom('learning_proxy_links as p').innerJoin('users as u', 'u.id', 'p.proxy_user_id')
    .select(['p.id', 'u.display_name as proxy_name', 'p.consent_method', 'p.consent_note', 'p.consent_at', 'p.created_at', 'p.revoked_at'])
    .where('p.resident_id', '=', userId).orderBy('p.created_at').execute();
  return {
    enrolments: enrolments.map((e) => ({
      id: e.id, classId: e.class_id, classTitle: e.class_title, institutionName: e.institution_name, status: e.status, source: e.source,
      actedBy: e.acted_by_name, consentMethod: e.consent_method, consentNote: e.consent_note, consentAt: e.consent_at,
      waitlistSeq: e.waitlist_seq, offeredAt: e.offered_at, offerExpiresAt: e.offer_expires_at, enrolledAt: e.enrolled_at,
      cancelledAt: e.cancelled_at, completedAt: e.completed_at, createdAt: e.created_at, updatedAt: e.updated_at,
      events: events.filter((ev) => ev.enrolment_id === e.id).map((ev) => ({ event: ev.event, by: ev.actor_name, note: ev.note, at: ev.at })),
    })),
    /** Relatives allowed to enrol the person (代办), with the consent recorded. */
    proxies: proxies.map((p) => ({ id: p.id, proxyName: p.proxy_name, consentMethod: p.consent_method, consentNote: p.consent_note,
      consentAt: p.consent_at, createdAt: p.created_at, revokedAt: p.revoked_at })),
  };
});

registerOwnDataSection('learningAttendance', async (core, userId) => {
  const rows = await creditDb(core).selectFrom('learning_attendance as a').innerJoin('learning_class_sessions as s', 's.id', 'a.session_id')
    .innerJoin('learning_classes as c', 'c.id', 'a.class_id')
    .select(['c.title as class_title', 'a.class_id', 's.seq', 's.starts_at', 's.ends_at', 'a.status', 'a.method', 'a.marked_at'])
    .where('a.user_id', '=', userId).orderBy('s.starts_at').orderBy('a.id').execute();
  return rows.map((r) => ({ classId: r.class_id, classTitle: r.class_title, session: r.seq, startsAt: r.starts_at, endsAt: r.ends_at,
    status: r.status, method: r.method, markedAt: r.marked_at }));
});

registerOwnDataSection('learningCertificates', async (core, userId) =>
  (await myCertificates(creditDb(core), userId)).map((c) => presentCertificate(c, { masked: false })));

registerOwnDataSection('learningOnline', async (core, userId) => {
  const db = creditDb(core);
  const [courses, lessons] = await Promise.all([
    db.selectFrom('learning_online_learners as a').innerJoin('learning_courses as c', 'c.id', 'a.course_id')
      .select(['a.course_id', 'c.title', 'a.started_at', 'a.updated_at', 'a.completed_at', 'a.credits_tenths'])
      .where('a.user_id', '=', userId).orderBy('a.started_at').execute(),
    db.selectFrom('learning_online_progress as p').innerJoin('learning_online_lessons as l', 'l.id', 'p.lesson_id')
      .select(['p.course_id', 'p.lesson_id', 'l.title', 'p.status', 'p.position_seconds', 'p.opened_at', 'p.updated_at', 'p.completed_at'])
      .where('p.user_id', '=', userId).orderBy('p.opened_at').execute(),
  ]);
  return courses.map((c) => ({
    courseId: c.course_id, title: c.title, startedAt: c.started_at, updatedAt: c.updated_at, completedAt: c.completed_at,
    credits: c.credits_tenths === null ? null : fromTenths(c.credits_tenths),
    lessons: lessons.filter((l) => l.course_id === c.course_id).map((l) => ({ lessonId: l.lesson_id, title: l.title, status: l.status,
      positionSeconds: l.position_seconds, openedAt: l.opened_at, updatedAt: l.updated_at, completedAt: l.completed_at })),
  }));
});

registerOwnDataSection('learningCredits', async (core, userId) => {
  const db = creditDb(core);
  const [ledger, awards] = await Promise.all([ledgerOf(db, userId), awardsOf(db, userId)]);
  return {
    ledger: ledger.map((l) => ({ sourceKind: l.source_kind, sourceId: l.source_id, title: l.title, category: l.category,
      credits: fromTenths(l.credits_tenths), at: l.at, recordedAt: l.recorded_at })),
    awards: awards.map((a) => ({ title: a.award_title, number: a.number, code: a.code, category: a.category,
      creditsRequired: fromTenths(a.credits_required_tenths), credits: fromTenths(a.credits_tenths), awardedAt: a.awarded_at,
      holderName: a.holder_name, issuerName: a.issuer_name })),
  };
});

registerOwnDataSection('learningSurveyResponses', async (core, userId) => {
  const db = creditDb(core);
  const responses = await db.selectFrom('learning_survey_responses as r').innerJoin('learning_surveys as s', 's.id', 'r.survey_id')
    .select(['r.id', 'r.survey_id', 's.title', 'r.town_id', 'r.age_group', 'r.submitted_at'])
    .where('r.user_id', '=', userId).orderBy('r.submitted_at').execute();
  // Answers through the person's own response ids only: never another respondent's.
  const answers = responses.length === 0 ? [] : await db.selectFrom('learning_survey_answers as a')
    .innerJoin('learning_survey_questions as q', 'q.id', 'a.question_id').leftJoin('learning_survey_options as o', 'o.id', 'a.option_id')
    .select(['a.response_id', 'q.sort', 'q.title as question', 'o.label as option', 'a.text'])
    .where('a.response_id', 'in', responses.map((r) => r.id)).orderBy('q.sort').orderBy('o.sort').execute();
  return responses.map((r) => ({
    surveyId: r.survey_id, survey: r.title, townId: r.town_id, ageGroup: r.age_group, submittedAt: r.submitted_at,
    answers: answers.filter((a) => a.response_id === r.id).map((a) => ({ question: a.question, answer: a.option ?? a.text })),
  }));
});

registerOwnDataSection('learningLotteryApplications', async (core, userId) => {
  const rows = await lotteryDb(core).selectFrom('learning_lottery_applications as a').innerJoin('learning_classes as c', 'c.id', 'a.class_id')
    .select(['a.id', 'a.class_id', 'c.title as class_title', 'a.ticket', 'a.priority_group', 'a.status', 'a.draw_rank', 'a.applied_at',
      'a.withdrawn_at', 'a.updated_at'])
    .where('a.user_id', '=', userId).orderBy('a.applied_at').orderBy('a.id').execute();
  return rows.map((r) => ({ id: r.id, classId: r.class_id, classTitle: r.class_title, ticket: r.ticket, priorityGroup: r.priority_group,
    status: r.status, drawRank: r.draw_rank, appliedAt: r.applied_at, withdrawnAt: r.withdrawn_at, updatedAt: r.updated_at }));
});
