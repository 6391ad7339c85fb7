import type { PlatformModule } from '../../core/modules.js';
import './permissions.js';
import './i18n/messages.js';
import * as m0001 from './migrations/0001_content.js';
import { seedCategories } from './seed/seed-categories.js';

/**
 * The content module: categories (栏目), articles and official documents (公文) with their editorial
 * workflow, Word and text import, site search, job postings, the public portal pages, feeds and sitemaps.
 * See README.md in this folder for who owns what.
 */
export const contentModule: PlatformModule = {
  name: 'content',
  migrations: {
    // Names sort in the order they must run across all modules (Kysely orders by name): a global sequence.
    '0003_content': m0001,
  },
  async seed(core) {
    await seedCategories(core);
  },
  async register(_app) {
  },
};
