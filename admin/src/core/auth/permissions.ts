export const PERMISSIONS = {
  userRead: 'core.user.read',
  userCreate: 'core.user.create',
  userUpdate: 'core.user.update',
  userAssignRoles: 'core.user.assign_roles',
  auditRead: 'core.audit.read',
  settingsUpdate: 'core.settings.update',
  navUpdate: 'core.nav.update',
  // Content module (issue 3): src/modules/content/permissions.ts
  contentItemRead: 'content.item.read',
  contentItemWrite: 'content.item.write',
  contentCategoryManage: 'content.category.manage',
  contentJobManage: 'content.job.manage',
  contentDictionaryManage: 'content.dictionary.manage',
} as const;
