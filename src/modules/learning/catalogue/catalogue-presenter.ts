import type { LearningTermsTable } from '../learning-schema.js';
import { fromTenths } from './catalogue-format.js';
import type { ClassRow, CourseRow } from './catalogue-repository.js';
import { parseWeekdays, scheduleLabel } from './schedule.js';

export function presentTerm(row: LearningTermsTable) {
  return { id: row.id, name: row.name, startsOn: row.starts_on, endsOn: row.ends_on, enrolLimit: row.enrol_limit,
    previousTermId: row.previous_term_id, createdAt: row.created_at };
}

export function presentCourse(row: CourseRow) {
  return {
    id: row.id, institutionId: row.institution_id, institutionName: row.institution_name, title: row.title, category: row.category,
    description: row.description, audience: row.audience, hours: fromTenths(row.hours_tenths), credits: fromTenths(row.credits_tenths),
    teacherUserId: row.teacher_user_id, teacherName: row.teacher_name ?? null, status: row.status, version: row.version,
    createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

export function presentClass(row: ClassRow) {
  return {
    id: row.id, courseId: row.course_id, courseTitle: row.course_title, category: row.category,
    institutionId: row.institution_id, institutionName: row.institution_name, townId: row.town_id, townName: row.town_name,
    termId: row.term_id, termName: row.term_name, title: row.title, teacherUserId: row.teacher_user_id, teacherName: row.teacher_name ?? null,
    scheduleKind: row.schedule_kind, weekdays: parseWeekdays(row.weekdays), startTime: row.start_time, endTime: row.end_time,
    startsOn: row.starts_on, endsOn: row.ends_on, scheduleLabel: scheduleLabel('zh-CN', row.weekdays, row.start_time, row.end_time),
    venue: row.venue, seats: row.seats, seatsTaken: row.seats_taken, feeFen: row.fee_fen, ageMin: row.age_min, ageMax: row.age_max,
    residencyRegionId: row.residency_region_id, residencyRegionName: row.residency_region_name ?? null,
    prerequisiteCourseId: row.prerequisite_course_id, mode: row.mode, returningOpensAt: row.returning_opens_at,
    enrolOpensAt: row.enrol_opens_at, enrolClosesAt: row.enrol_closes_at, offerHours: row.offer_hours,
    completionRule: row.completion_rule, completionThreshold: row.completion_threshold, status: row.status,
    cancelReason: row.cancel_reason, version: row.version, createdAt: row.created_at, updatedAt: row.updated_at,
  };
}
