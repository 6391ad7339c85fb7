import { registerPermissions } from '../../core/access/permissions.js';
import type { Role } from '../../core/access/roles.js';

/**
 * The content module's permissions and the roles that hold them. Every check is also scoped: an editor of
 * a town acts on the town's items only (owner_path under the grant's scope path).
 * Separation of duties in the workflow: editors draft, reviewers check (审核), admins of the scope sign off
 * (签发); nobody reviews or signs their own draft (enforced in the workflow commands).
 */
export const CONTENT_PERMISSIONS = {
  'content.category.manage': ['city_admin'],
  'content.item.read': ['city_admin', 'town_admin', 'institution_admin', 'editor', 'reviewer'],
  'content.item.write': ['city_admin', 'town_admin', 'institution_admin', 'editor'],
  'content.item.review': ['reviewer'],
  'content.item.sign': ['city_admin', 'town_admin', 'institution_admin'],
  'content.item.publish': ['city_admin', 'town_admin', 'institution_admin', 'editor'],
  'content.dictionary.manage': ['city_admin'],
  'content.job.manage': ['city_admin', 'town_admin', 'institution_admin', 'editor', 'employer'],
} satisfies Record<string, Role[]>;

export type ContentPermission = keyof typeof CONTENT_PERMISSIONS;

registerPermissions(CONTENT_PERMISSIONS);
