import { none, personal, type PiInventory } from '../../core/pii/inventory.js';

const RECORD = "the person's lifelong learning record: kept while the account exists";
const CATALOGUE = 'while the course or class is kept';
const ISSUED = 'kept as issued: certificates and awards are never deleted (a revoked one stays, marked revoked)';

/**
 * The learning module's tables (core/pii/inventory.ts explains the categories). A person's enrolments, attendance,
 * results, credits, online progress and survey answers are their learning record: personal, in their own-data
 * export (record/own-data*.ts), and kept while the account exists — none has a finite retention of its own.
 */
export const learningPiInventory: PiInventory = {
  learning_enrolments: {
    purpose: 'who is enrolled, waitlisted or offered a seat in a class, and who enrolled them (代办) with what consent',
    retention: RECORD,
    owner: { column: 'user_id', exportPath: 'learningEnrolments.enrolments' },
    columns: {
      ...none('id', 'class_id', 'term_id', 'version', 'created_at', 'updated_at'),
      ...personal('user_id', 'status', 'waitlist_seq', 'offered_at', 'offer_expires_at', 'enrolled_at', 'cancelled_at', 'completed_at', 'source',
        'acted_by', 'consent_method', 'consent_note', 'consent_at'),
    },
  },
  learning_enrolment_events: {
    purpose: 'the history of an enrolment (exported inside each enrolment)', retention: RECORD,
    columns: { ...none('id', 'enrolment_id', 'at'), ...personal('event', 'actor_id', 'note') },
  },
  learning_proxy_links: {
    purpose: 'relatives allowed to enrol a resident on their behalf, with the consent recorded',
    retention: 'until revoked; the row stays (revoked_at) as evidence of the consent',
    owner: { column: 'resident_id', exportPath: 'learningEnrolments.proxies' },
    columns: { ...none('id', 'created_at'), ...personal('resident_id', 'proxy_user_id', 'consent_method', 'consent_note', 'consent_at', 'created_by', 'revoked_at') },
  },
  learning_term_quotas: {
    purpose: 'how many classes a person took in a term (the per-term limit)', retention: RECORD,
    owner: { column: 'user_id', exportPath: 'learningTermQuotas' },
    columns: { ...none('term_id'), ...personal('user_id', 'used') },
  },
  learning_attendance: {
    purpose: 'roll call: who attended which session and how it was marked', retention: RECORD,
    owner: { column: 'user_id', exportPath: 'learningAttendance' },
    columns: { ...none('id', 'session_id', 'class_id', 'enrolment_id'), ...personal('user_id', 'status', 'method', 'marked_by', 'marked_at') },
  },
  learning_assessments: {
    purpose: "a teacher's pass/fail result for a learner in a class", retention: RECORD,
    owner: { column: 'user_id', exportPath: 'learningAssessments' },
    columns: { ...none('enrolment_id', 'class_id'), ...personal('user_id', 'passed', 'recorded_by', 'recorded_at') },
  },
  learning_certificates: {
    purpose: 'certificates of completion, verifiable by code', retention: ISSUED,
    owner: { column: 'user_id', exportPath: 'learningCertificates' },
    columns: {
      ...none('id', 'institution_id', 'year', 'serial', 'enrolment_id', 'class_id', 'class_title', 'course_title', 'hours_tenths', 'credits_tenths',
        'institution_name', 'owner_path'),
      ...personal('code', 'number', 'user_id', 'holder_name', 'issued_at', 'revoked_at', 'revoke_reason', 'revoked_by'),
    },
  },
  learning_credit_ledger: {
    purpose: 'credits earned (学分银行)', retention: RECORD,
    owner: { column: 'user_id', exportPath: 'learningCredits.ledger' },
    columns: { ...none('source_kind', 'source_id', 'category', 'recorded_at'), ...personal('user_id', 'credits_tenths', 'title', 'at') },
  },
  learning_credit_awards: {
    purpose: 'awards reached by accumulated credits', retention: ISSUED,
    owner: { column: 'user_id', exportPath: 'learningCredits.awards' },
    columns: {
      ...none('id', 'rule_id', 'rule_version', 'award_title', 'category', 'credits_required_tenths', 'year', 'serial'),
      ...none('issuer_name'),
      ...personal('user_id', 'credits_tenths', 'number', 'code', 'awarded_at', 'holder_name'),
    },
  },
  learning_lottery_applications: {
    purpose: 'applications to a class drawn by lottery, with ticket and draw rank', retention: RECORD,
    owner: { column: 'user_id', exportPath: 'learningLotteryApplications' },
    columns: {
      ...none('id', 'class_id', 'term_id', 'enrolment_id', 'updated_at'),
      ...personal('user_id', 'ticket', 'priority_group', 'status', 'draw_rank', 'applied_at', 'withdrawn_at'),
    },
  },
  learning_online_learners: {
    purpose: 'who takes which online course, and its completion', retention: RECORD,
    owner: { column: 'user_id', exportPath: 'learningOnline' },
    columns: { ...none('course_id', 'updated_at'), ...personal('user_id', 'started_at', 'completed_at', 'credits_tenths') },
  },
  learning_online_progress: {
    purpose: "a learner's progress in each lesson", retention: RECORD,
    owner: { column: 'user_id', exportPath: 'learningOnline.*.lessons' },
    columns: { ...none('lesson_id', 'course_id', 'updated_at'), ...personal('user_id', 'status', 'position_seconds', 'opened_at', 'completed_at') },
  },
  learning_survey_responses: {
    purpose: 'learning-needs survey responses (town and age group are kept for the statistics)', retention: RECORD,
    owner: { column: 'user_id', exportPath: 'learningSurveyResponses' },
    columns: { ...none('id', 'survey_id'), ...personal('user_id', 'respondent_path', 'town_id', 'age_group', 'submitted_at') },
  },
  learning_survey_answers: {
    purpose: "the answers of a response (exported inside each response)", retention: RECORD,
    columns: { ...none('id', 'survey_id', 'question_id', 'option_id'), ...personal('response_id', 'text') },
  },
  learning_courses: {
    purpose: 'courses of an institution', retention: CATALOGUE,
    columns: {
      ...none('id', 'institution_id', 'owner_path', 'title', 'category', 'description', 'audience', 'hours_tenths', 'credits_tenths', 'status', 'version',
        'created_at', 'updated_at'),
      ...personal('teacher_user_id', 'created_by'),
    },
  },
  learning_classes: {
    purpose: 'classes (times, venue, seats, rules)', retention: CATALOGUE,
    columns: {
      ...none('id', 'course_id', 'institution_id', 'owner_path', 'town_id', 'term_id', 'title', 'schedule_kind', 'weekdays', 'start_time', 'end_time',
        'starts_on', 'ends_on', 'venue', 'seats', 'seats_taken', 'waitlist_next', 'fee_fen', 'age_min', 'age_max', 'residency_region_id',
        'prerequisite_course_id', 'mode', 'returning_opens_at', 'enrol_opens_at', 'enrol_closes_at', 'offer_hours', 'completion_rule',
        'completion_threshold', 'status', 'cancel_reason', 'version', 'created_at', 'updated_at'),
      ...personal('teacher_user_id', 'created_by'),
    },
  },
  learning_class_sessions: { purpose: 'the sessions of a class', retention: CATALOGUE, columns: none('id', 'class_id', 'seq', 'starts_at', 'ends_at', 'status') },
  learning_completion_runs: {
    purpose: 'when completion was computed for a class', retention: CATALOGUE,
    columns: { ...none('class_id', 'first_run_at', 'last_run_at'), ...personal('last_run_by') },
  },
  learning_terms: { purpose: 'enrolment terms', retention: CATALOGUE, columns: none('id', 'name', 'starts_on', 'ends_on', 'enrol_limit', 'previous_term_id', 'created_at') },
  learning_lotteries: {
    purpose: 'the public, re-runnable lottery of a class (seed, algorithm, result)', retention: CATALOGUE,
    columns: {
      ...none('class_id', 'algorithm', 'seed_hash', 'seed_enc', 'seed', 'priority_groups', 'next_ticket', 'committed_at', 'updated_at', 'drawn_at', 'result_summary'),
      ...personal('committed_by', 'drawn_by'),
    },
  },
  learning_certificate_counters: { purpose: 'certificate number serials', retention: 'for the life of the database', columns: none('institution_id', 'year', 'last_serial') },
  learning_credit_award_counters: { purpose: 'award number serials', retention: 'for the life of the database', columns: none('year', 'last_serial') },
  learning_credit_rules: {
    purpose: 'credit award rules', retention: 'configuration: kept until changed',
    columns: { ...none('id', 'name', 'category', 'credits_required_tenths', 'award_title', 'active', 'version', 'created_at', 'updated_at'), ...personal('created_by', 'updated_by') },
  },
  learning_online_courses: {
    purpose: 'online course settings', retention: CATALOGUE,
    columns: { ...none('course_id', 'cover_text', 'status', 'version', 'published_at', 'created_at', 'updated_at'), ...personal('created_by') },
  },
  learning_online_lessons: {
    purpose: 'lessons of an online course', retention: CATALOGUE,
    columns: none('id', 'course_id', 'seq', 'title', 'kind', 'body', 'file_id', 'duration_seconds', 'required', 'created_at', 'updated_at'),
  },
  learning_surveys: {
    purpose: 'learning-needs surveys', retention: 'while the survey is kept',
    columns: {
      ...none('id', 'title', 'description', 'region_id', 'path', 'status', 'opens_at', 'closes_at', 'version', 'created_at', 'updated_at', 'published_at', 'closed_at'),
      ...personal('created_by'),
    },
  },
  learning_survey_questions: { purpose: 'survey questions', retention: 'while the survey is kept', columns: none('id', 'survey_id', 'sort', 'kind', 'title', 'required', 'max_choices', 'max_length') },
  learning_survey_options: { purpose: 'survey answer options', retention: 'while the survey is kept', columns: none('id', 'question_id', 'survey_id', 'sort', 'label') },
  learning_survey_villages: { purpose: 'the villages a survey is for', retention: 'while the survey is kept', columns: none('survey_id', 'region_id', 'path') },
};
