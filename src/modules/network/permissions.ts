import { registerPermissions } from '../../core/access/permissions.js';
import type { Role } from '../../core/access/roles.js';

/**
 * The network module's permissions. Every check is also scoped by the institution's or region's path:
 * an institution admin acts on their own institution, a town admin on everything in the town, the city admin
 * on all; inspectors read everything in their scope and change nothing.
 */
export const NETWORK_PERMISSIONS = {
  'network.institution.read': ['city_admin', 'town_admin', 'institution_admin', 'inspector'],
  'network.institution.create': ['city_admin', 'town_admin'],
  'network.institution.update': ['city_admin', 'town_admin', 'institution_admin'],
  'network.institution.retire': ['city_admin', 'town_admin'],
  'network.accreditation.manage': ['city_admin'],
  'network.staff.read': ['city_admin', 'town_admin', 'institution_admin', 'inspector'],
  'network.staff.manage': ['city_admin', 'town_admin', 'institution_admin'],
  'network.staff.reveal_id': ['city_admin'],
  'network.partner.read': ['city_admin', 'town_admin', 'institution_admin', 'inspector'],
  'network.partner.manage': ['city_admin', 'town_admin'],
  'network.standard.read': ['city_admin', 'town_admin', 'institution_admin', 'inspector'],
  'network.standard.manage': ['city_admin'],
  'network.indicator.record': ['city_admin', 'town_admin', 'institution_admin'],
} satisfies Record<string, Role[]>;

registerPermissions(NETWORK_PERMISSIONS);
