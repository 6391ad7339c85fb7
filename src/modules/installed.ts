import type { Migration } from 'kysely';
import { markInstalled, type PlatformModule } from '../core/modules.js';
import { migrations as coreMigrations } from '../core/db/migrate.js';
import { contentModule } from './content/content-module.js';
import { networkModule } from './network/network-module.js';

/** The domain modules of this build, in dependency order. */
export const MODULES: PlatformModule[] = [contentModule, networkModule];
markInstalled(MODULES);

/** Core's migrations, then each module's, in the order they must run. */
export const allMigrations: Record<string, Migration> = Object.assign(
  { ...coreMigrations },
  ...MODULES.map((m) => m.migrations),
);
