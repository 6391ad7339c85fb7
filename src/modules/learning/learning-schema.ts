import type { Kysely } from 'kysely';
import type { CoreContext } from '../../core/context.js';
import type { CoreTables } from '../../core/db/schema.js';

/** Row types of migration 0013_learning_classes. Timestamps are ISO strings; dates 'YYYY-MM-DD'; times 'HH:MM'. */
export const COURSE_CATEGORIES = ['science', 'culture_civic', 'employment', 'income', 'health', 'arts', 'digital', 'other'] as const;
export type CourseCategory = (typeof COURSE_CATEGORIES)[number];
export type ClassStatus = 'draft' | 'open' | 'cancelled' | 'finished';
export type EnrolmentStatus = 'enrolled' | 'waitlisted' | 'offered' | 'cancelled' | 'expired' | 'completed';
export type EnrolmentSource = 'online' | 'proxy' | 'staff' | 'lottery';
export type ConsentMethod = 'in_person' | 'phone' | 'written' | 'video';

export interface LearningTermsTable {
  id: string;
  name: string;
  starts_on: string;
  ends_on: string;
  enrol_limit: number;
  previous_term_id: string | null;
  created_at: string;
}

export interface LearningCoursesTable {
  id: string;
  institution_id: string;
  owner_path: string;
  title: string;
  category: CourseCategory;
  description: string;
  audience: string;
  hours_tenths: number;
  credits_tenths: number;
  teacher_user_id: string | null;
  status: 'draft' | 'published' | 'archived';
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface LearningClassesTable {
  id: string;
  course_id: string;
  institution_id: string;
  owner_path: string;
  town_id: string;
  term_id: string;
  title: string;
  teacher_user_id: string | null;
  schedule_kind: 'weekly' | 'dates';
  weekdays: string;
  start_time: string;
  end_time: string;
  starts_on: string;
  ends_on: string;
  venue: string;
  seats: number;
  seats_taken: number;
  waitlist_next: number;
  fee_fen: number;
  age_min: number | null;
  age_max: number | null;
  residency_region_id: string | null;
  prerequisite_course_id: string | null;
  mode: 'first_come' | 'lottery';
  returning_opens_at: string | null;
  enrol_opens_at: string;
  enrol_closes_at: string;
  offer_hours: number;
  completion_rule: 'attendance' | 'assessment';
  completion_threshold: number;
  status: ClassStatus;
  cancel_reason: string | null;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface LearningClassSessionsTable {
  id: string;
  class_id: string;
  seq: number;
  starts_at: string;
  ends_at: string;
  status: 'scheduled' | 'cancelled';
}

export interface LearningEnrolmentsTable {
  id: string;
  class_id: string;
  user_id: string;
  term_id: string;
  status: EnrolmentStatus;
  waitlist_seq: number | null;
  offered_at: string | null;
  offer_expires_at: string | null;
  enrolled_at: string | null;
  cancelled_at: string | null;
  completed_at: string | null;
  source: EnrolmentSource;
  acted_by: string | null;
  consent_method: ConsentMethod | null;
  consent_note: string | null;
  consent_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface LearningEnrolmentEventsTable {
  id: string;
  enrolment_id: string;
  event: string;
  actor_id: string | null;
  note: string;
  at: string;
}

export interface LearningTermQuotasTable {
  user_id: string;
  term_id: string;
  used: number;
}

export interface LearningDatabase extends CoreTables {
  learning_terms: LearningTermsTable;
  learning_courses: LearningCoursesTable;
  learning_classes: LearningClassesTable;
  learning_class_sessions: LearningClassSessionsTable;
  learning_enrolments: LearningEnrolmentsTable;
  learning_enrolment_events: LearningEnrolmentEventsTable;
  learning_term_quotas: LearningTermQuotasTable;
}

export function learningDb(core: Pick<CoreContext, 'db'>): Kysely<LearningDatabase> {
  return core.db as unknown as Kysely<LearningDatabase>;
}
