import type { CoreContext } from '../context.js';

/**
 * What each part of the platform holds about a person, for their own-data export (PIPL art. 45): a module registers
 * a section (its enrolments, certificates, messages…) when it loads, and the export gathers every section, so
 * nothing a module stores about someone is left out of the file they download.
 */
export type OwnDataSection = (core: CoreContext, userId: string) => Promise<unknown>;

const sections = new Map<string, OwnDataSection>();

export function registerOwnDataSection(name: string, section: OwnDataSection) {
  sections.set(name, section);
}

/** Every registered section for the user, keyed by section name, in registration order. */
export async function collectOwnData(core: CoreContext, userId: string): Promise<Record<string, unknown>> {
  const entries = await Promise.all([...sections].map(async ([name, section]) => [name, await section(core, userId)] as const));
  return Object.fromEntries(entries);
}
