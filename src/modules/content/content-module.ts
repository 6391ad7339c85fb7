import type { PlatformModule } from '../../core/modules.js';
import './permissions.js';
import './i18n/messages.js';
import * as m0001 from './migrations/0001_content.js';
import * as m0002search from './migrations/0002_search.js';
import { searchRoutes } from './search/search-routes.js';
import { searchPageRoutes } from './search/search-page-routes.js';
import * as m0003workflow from './migrations/0003_workflow.js';
import { seedCategories } from './seed/seed-categories.js';
import { seedDemoContent } from './seed/demo-content.js';
import { jobRoutes } from './jobs/job-routes.js';
import { jobPageRoutes } from './jobs/pages/job-page-routes.js';
import { contentPageRoutes } from './pages/page-routes.js';
import { categoryRoutes } from './categories/category-routes.js';
import { itemRoutes } from './items/item-routes.js';
import { workflowRoutes } from './workflow/workflow-routes.js';
import { startPublicationScheduler } from './workflow/publication-scheduler.js';
import { fileRoutes } from './files/file-routes.js';
import { attachmentRoutes } from './files/attachment-routes.js';
import { importRoutes } from './import/import-routes.js';
import { contentPiInventory } from './pi-inventory.js';

/**
 * The content module: categories (栏目), articles and official documents (公文) with their editorial
 * workflow, Word and text import, site search, job postings, the public portal pages, feeds and sitemaps.
 * See README.md in this folder for who owns what.
 */
export const contentModule: PlatformModule = {
  name: 'content',
  piInventory: contentPiInventory,
  migrations: {
    // Names sort in the order they must run across all modules (Kysely orders by name): a global sequence.
    '0003_content': m0001,
    '0004_content_search': m0002search,
    '0005_content_workflow': m0003workflow,
  },
  async seed(core) {
    await seedCategories(core);
  },
  async seedDemo(core) {
    await seedDemoContent(core);
  },
  async register(app) {
    await app.register(searchRoutes);
    await app.register(searchPageRoutes);
    await app.register(jobRoutes);
    await app.register(jobPageRoutes);
    await app.register(contentPageRoutes);
    await app.register(categoryRoutes);
    await app.register(itemRoutes);
    await app.register(workflowRoutes);
    await app.register(fileRoutes);
    await app.register(attachmentRoutes);
    await app.register(importRoutes);
  },
  start(core) {
    return startPublicationScheduler(core);
  },
};
