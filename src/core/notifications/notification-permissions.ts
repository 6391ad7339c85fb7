import { registerPermissions } from '../access/permissions.js';
import type { Role } from '../access/roles.js';

/**
 * Reading one's own messages needs no permission (every signed-in account has an inbox: access 'authenticated',
 * filtered to the caller). The outbox is operations data of the whole city, so only the city admin sees it.
 */
export const NOTIFICATION_PERMISSIONS = {
  'notifications.outbox.read': ['city_admin'],
} satisfies Record<string, Role[]>;

registerPermissions(NOTIFICATION_PERMISSIONS);
