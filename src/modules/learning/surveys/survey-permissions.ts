import { registerPermissions } from '../../../core/access/permissions.js';
import type { Role } from '../../../core/access/roles.js';

export const SURVEY_MANAGE = 'learning.survey.manage';
export const SURVEY_RESULTS = 'learning.survey.read_results';

/**
 * Surveys are written by the city (any region) and by town admins (their own town); results are read by those
 * and by inspectors, each only over the respondents who live in their scope. Residents answer through routes
 * open to anyone signed in: whether they may answer depends on where they live, not on a role.
 */
export const SURVEY_PERMISSIONS = {
  [SURVEY_MANAGE]: ['city_admin', 'town_admin'],
  [SURVEY_RESULTS]: ['city_admin', 'town_admin', 'inspector'],
} satisfies Record<string, Role[]>;

registerPermissions(SURVEY_PERMISSIONS);
