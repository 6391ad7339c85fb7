import { registerPermissions } from '../../../core/access/permissions.js';
import type { Role } from '../../../core/access/roles.js';

export const STATS_READ = 'learning.stats.read';

/**
 * The learning dashboard and its workbook: city, town and institution admins over their scope, inspectors over
 * theirs. Teachers are left out: they read rosters of their own classes, not figures of the whole institution.
 */
export const STATS_PERMISSIONS = {
  [STATS_READ]: ['city_admin', 'town_admin', 'institution_admin', 'inspector'],
} satisfies Record<string, Role[]>;

registerPermissions(STATS_PERMISSIONS);
