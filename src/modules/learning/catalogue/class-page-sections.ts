import type { Actor } from '../../../core/access/actor.js';
import type { CoreContext } from '../../../core/context.js';
import type { PageContext } from '../../../portal/layout.js';
import { pageSectionRegistry, type PageSection } from '../../../portal/page-sections.js';
import type { ClassRow } from './catalogue-repository.js';

/** Who is looking at a class page: the signed-in actor (null for anonymous visitors) and the page's context. */
export interface ClassPageVisitor { actor: Actor | null; ctx: PageContext }

/** A block another part of the module adds to the portal's class page (enrolment: the enrol form or button). */
export type ClassPageSection = PageSection<ClassRow, ClassPageVisitor>;

const registry = pageSectionRegistry<ClassRow, ClassPageVisitor>();

export function registerClassPageSection(core: CoreContext, section: ClassPageSection) {
  registry.register(core, section);
}

export function classPageSections(core: CoreContext): readonly ClassPageSection[] {
  return registry.sections(core);
}

export function renderClassPageSections(core: CoreContext, cls: ClassRow, visitor: ClassPageVisitor) {
  return registry.renderAll(core, cls, visitor);
}
