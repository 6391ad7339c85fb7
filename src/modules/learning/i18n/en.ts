import { enrolmentEn } from '../enrolment/i18n/en.js';
import type { LearningMessageId } from './zh-CN.js';

/** The learning module's server messages, English; typed against zh-CN so a missing key fails the build. */
export const learningEn: Record<LearningMessageId, string> = {
  'learning.class.not_found': 'The class does not exist.',
  'learning.course.not_found': 'The course does not exist.',
  'learning.term.not_found': 'The term does not exist.',
  // --- catalogue (L1a) ---
  'learning.field.date_invalid': 'Invalid date; write it as 2026-09-01.',
  'learning.field.time_invalid': 'Invalid time; write it as 14:00.',
  'learning.field.end_before_start': 'The end must be after the start.',
  'learning.field.one_decimal': 'At most one decimal place.',
  'learning.term.previous_unknown': 'The previous term does not exist.',
  'learning.term.previous_self': 'A term cannot be its own previous term.',
  'learning.institution.unknown': 'The institution does not exist or is outside your scope.',
  'learning.course.teacher_invalid': 'The teacher must hold the teacher role at this institution.',
  'learning.course.version_conflict': 'Someone else changed the course (now version {current}); reload before saving.',
  'learning.course.status_conflict': "The course's status does not allow this.",
  'learning.course.archived': 'The course is archived; no new classes.',
  'learning.class.course_unknown': 'The course does not exist or is outside your scope.',
  'learning.class.term_unknown': 'The term does not exist.',
  'learning.class.weekdays_required': 'Choose the days of the week the class meets.',
  'learning.class.dates_required': 'Give at least one session date.',
  'learning.class.no_sessions': 'This schedule has no sessions; check the dates and weekdays.',
  'learning.class.too_many_sessions': 'A class has at most {max} sessions.',
  'learning.class.seats_below_taken': 'Seats cannot be fewer than those already taken ({taken}).',
  'learning.class.age_order': 'The minimum age cannot exceed the maximum age.',
  'learning.class.windows_order': 'Enrolment times must be in order: returning students < everyone < closing.',
  'learning.class.closes_after_end': 'Enrolment cannot close after the last day of the class.',
  'learning.class.residency_level': 'Residency can only be limited to a town or a village.',
  'learning.class.prerequisite_unknown': 'The prerequisite course does not exist.',
  'learning.class.version_conflict': 'Someone else changed the class (now version {current}); reload before saving.',
  'learning.class.schedule_locked': 'A session has already started; the schedule (dates, weekdays, times) can no longer change.',
  'learning.class.mode_locked': 'The class has lottery applications waiting for the draw, so it cannot switch to first come; draw first or let the applicants withdraw.',
  'learning.institution.has_courses': 'The institution still has {count} courses (with their classes and learners\' records) and cannot be deleted; retire it instead (its history is kept).',
  'learning.class.status_conflict': "The class's status ({status}) does not allow this.",
  'learning.class.course_not_published': 'The course is not published yet; the class cannot open.',
  'learning.class.cancelled.title': 'Class cancelled: {title}',
  'learning.class.cancelled.body': "Sorry, \"{title}\", which you enrolled in (or waited for), has been cancelled: {reason}. Your place no longer counts against this term's limit.",
  'learning.class.changed.title': 'Schedule changed: {title}',
  'learning.class.changed.body': 'The schedule of "{title}" has changed: {schedule}, at {venue}. Please attend at the new times.',
  // --- end catalogue (L1a) ---
  // --- enrolment (L1b) ---
  ...enrolmentEn,
  // --- end enrolment (L1b) ---
};
