/** The learning module's permissions these screens check (src/modules/learning/permissions.ts has them all). */
export const LEARNING_PERMISSIONS = {
  termRead: 'learning.term.read',
  termManage: 'learning.term.manage',
  courseRead: 'learning.course.read',
  courseManage: 'learning.course.manage',
  classRead: 'learning.class.read',
  classManage: 'learning.class.manage',
} as const;
