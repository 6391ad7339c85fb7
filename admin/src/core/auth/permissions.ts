export const PERMISSIONS = {
  userRead: 'core.user.read',
  userCreate: 'core.user.create',
  userUpdate: 'core.user.update',
  userAssignRoles: 'core.user.assign_roles',
  auditRead: 'core.audit.read',
  settingsUpdate: 'core.settings.update',
  navUpdate: 'core.nav.update',
} as const;
