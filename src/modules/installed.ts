import type { Migration } from 'kysely';
import { markInstalled, type PlatformModule } from '../core/modules.js';
import { migrations as coreMigrations } from '../core/db/migrate.js';
import { contentModule } from './content/content-module.js';
import { networkModule } from './network/network-module.js';
import { learningModule } from './learning/learning-module.js';

/** The domain modules of this build, in dependency order. */
export const MODULES: PlatformModule[] = [contentModule, networkModule, learningModule];
markInstalled(MODULES);

/**
 * Core's and every module's migrations, keyed by their global sequence names in the order Kysely runs them (it
 * sorts by name), so the list reads in the order the schema is built.
 */
export const allMigrations: Record<string, Migration> = Object.fromEntries(
  Object.entries(Object.assign({ ...coreMigrations }, ...MODULES.map((m) => m.migrations)) as Record<string, Migration>)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
);
