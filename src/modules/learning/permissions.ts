import { registerPermissions } from '../../core/access/permissions.js';
import type { Role } from '../../core/access/roles.js';

/**
 * The learning module's permissions, each also scoped by the class's or course's institution path. Teachers hold
 * their roles on an institution, and the class routes narrow them further to the classes they teach.
 */
export const LEARNING_PERMISSIONS = {
  'learning.term.read': ['city_admin', 'town_admin', 'institution_admin', 'teacher', 'inspector'],
  'learning.term.manage': ['city_admin'],
  'learning.course.read': ['city_admin', 'town_admin', 'institution_admin', 'teacher', 'inspector'],
  'learning.course.manage': ['city_admin', 'town_admin', 'institution_admin'],
  'learning.class.read': ['city_admin', 'town_admin', 'institution_admin', 'teacher', 'inspector'],
  'learning.class.manage': ['city_admin', 'town_admin', 'institution_admin'],
  /** Rosters and waitlists; teachers only of their own classes. */
  'learning.enrolment.read': ['city_admin', 'town_admin', 'institution_admin', 'teacher', 'inspector'],
  /** Enrol or cancel for a resident at the counter or as 代办 (with the resident's consent recorded). */
  'learning.enrolment.manage': ['city_admin', 'town_admin', 'institution_admin'],
  /** A resident enrolling themselves (or, as a family member, a relative who consents). */
  'learning.enrol.self': ['resident'],
  /** Take attendance; teachers only of the classes they teach (the routes narrow them). */
  'learning.attendance.take': ['city_admin', 'town_admin', 'institution_admin', 'teacher'],
  /** Run completion, record assessments, list and revoke certificates. */
  'learning.certificate.manage': ['city_admin', 'town_admin', 'institution_admin'],
  /** Online courses (网络课程): write lessons, upload files, publish. */
  'learning.online.manage': ['city_admin', 'town_admin', 'institution_admin'],
  /** Lottery (摇号) classes: commit the seed and priority groups, run the draw. */
  'learning.lottery.manage': ['city_admin', 'town_admin', 'institution_admin'],
  /** The credit bank's conversion rules (N credits in a category → a city certificate): city-wide, so the city only. */
  'learning.credit_rule.manage': ['city_admin'],
} satisfies Record<string, Role[]>;

registerPermissions(LEARNING_PERMISSIONS);
