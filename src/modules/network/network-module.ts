import type { PlatformModule } from '../../core/modules.js';
import './permissions.js';
import './i18n/messages.js';
import * as m0006institutions from './migrations/0006_network_institutions.js';
import { seedDemoInstitutions } from './institutions/demo-institutions.js';
import { institutionRoutes } from './institutions/institution-routes.js';
import { accreditationRoutes } from './accreditation/accreditation-routes.js';
import { placeRoutes } from './places/place-routes.js';
import * as m0008partners from './migrations/0008_network_partners.js';
import { partnerRoutes } from './partners/partner-routes.js';
import { seedDemoPartners } from './partners/demo-partners.js';
import * as m0007people from './migrations/0007_network_people.js';
import { peopleRoutes } from './people/people-routes.js';
import { seedDemoPeople } from './people/demo-people.js';
import * as m0009standards from './migrations/0009_network_standards.js';
import { standardsRoutes } from './standards/standards-routes.js';
import { gapRoutes } from './standards/gap-routes.js';
import { seedDemoIndicatorValues } from './standards/demo-standards.js';
import * as m0010imports from './migrations/0010_network_imports.js';
import { excelRoutes } from './excel/excel-routes.js';
import * as m0011media from './migrations/0011_network_media.js';
import { mediaRoutes } from './media/media-routes.js';
import { seedDemoPhotos } from './media/demo-photos.js';
import { dashboardRoutes } from './dashboard/dashboard-routes.js';
import './people/own-data.js';
import { networkPiInventory } from './pi-inventory.js';

/**
 * The network module: the three-tier network of institutions (centers, base schools, supplementary
 * training organisations), accreditation, standards and gaps (查漏补缺), staff and teachers, partners,
 * and the public learning-places pages. See README.md in this folder.
 */
export const networkModule: PlatformModule = {
  name: 'network',
  piInventory: networkPiInventory,
  migrations: {
    // Global sequence names (Kysely orders by name across all modules).
    '0006_network_institutions': m0006institutions,
    '0007_network_people': m0007people,
    '0008_network_partners': m0008partners,
    '0009_network_standards': m0009standards,
    '0010_network_imports': m0010imports,
    '0011_network_media': m0011media,
  },
  async seedDemo(core) {
    // First: the other parts' demo data relies on the tiers this sets.
    await seedDemoInstitutions(core);
    await seedDemoPartners(core);
    await seedDemoPeople(core);
    await seedDemoIndicatorValues(core);
    await seedDemoPhotos(core);
  },
  async register(app) {
    await app.register(institutionRoutes);
    await app.register(accreditationRoutes);
    await app.register(placeRoutes);
    await app.register(partnerRoutes);
    await app.register(peopleRoutes);
    await app.register(standardsRoutes);
    await app.register(gapRoutes);
    await app.register(excelRoutes);
    await app.register(mediaRoutes);
    await app.register(dashboardRoutes);
  },
};
