import type { FastifyInstance } from 'fastify';
import type { Migration } from 'kysely';
import type { CoreContext } from './context.js';
import type { PiInventory } from './pii/inventory.js';

/**
 * What a domain module hands the platform. `src/modules/installed.ts` lists the modules of this build; core
 * never imports a module, it only runs what the list gives it.
 */
export interface PlatformModule {
  /** Matches nav_items.module: the portal shows a module's sections only when it is installed. */
  name: string;
  /** Applied after core's, in order; names are prefixed with the module name and never change once shipped. */
  migrations: Record<string, Migration>;
  /** Registers the module's API and portal routes. */
  register(app: FastifyInstance): Promise<void>;
  /** Rows every installation needs (idempotent; runs on every start, after core's base seed). */
  seed?(core: CoreContext): Promise<void>;
  /** Fills an empty demo database with the module's invented content (runs after core's demo seed). */
  seedDemo?(core: CoreContext): Promise<void>;
  /**
   * Portal sections the module serves beyond its name, for a module that grows in parts (nav_items.module may name
   * one): 'learning.online' is shown only once online courses exist.
   */
  provides?: string[];
  /** Background work (e.g. scheduled publication); returns a function that stops it. */
  start?(core: CoreContext): () => Promise<void> | void;
  /** The personal-information inventory of the tables the module owns, with their purge rules (core/pii/inventory.ts). */
  piInventory?: PiInventory;
}

const installed = new Set<string>();

/** Domain modules that are installed in this build; no visitor meets an empty placeholder for the others. */
export const INSTALLED_MODULES: ReadonlySet<string> = installed;

export function markInstalled(modules: PlatformModule[]) {
  for (const m of modules) for (const name of [m.name, ...(m.provides ?? [])]) installed.add(name);
}
