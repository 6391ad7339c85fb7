import type { CoreContext } from '../core/context.js';
import type { SafeHtml } from './jsx.js';

/**
 * Blocks that one part of the platform adds to a page another part owns (the learning module's classes on the
 * network's place page, the enrol form on the class page), so neither imports the other. Registries are per app
 * (keyed by its CoreContext): a test process builds several apps.
 *
 * Anonymous pages are cached per URL, language and care mode: for an anonymous visitor, a section must render only
 * what is the same for every anonymous visitor.
 */
export interface PageSection<Subject, Visitor> {
  id: string;
  order: number;
  render(subject: Subject, visitor: Visitor): Promise<SafeHtml | null> | SafeHtml | null;
}

export function pageSectionRegistry<Subject, Visitor>() {
  const byCore = new WeakMap<object, PageSection<Subject, Visitor>[]>();
  return {
    /** Called from a register(): adds (or replaces, by id) a block of the page. */
    register(core: CoreContext, section: PageSection<Subject, Visitor>) {
      const list = (byCore.get(core) ?? []).filter((s) => s.id !== section.id);
      list.push(section);
      list.sort((a, b) => a.order - b.order);
      byCore.set(core, list);
    },
    sections(core: CoreContext): readonly PageSection<Subject, Visitor>[] {
      return byCore.get(core) ?? [];
    },
    /** Every registered block rendered for the subject, in order, the empty ones left out. */
    async renderAll(core: CoreContext, subject: Subject, visitor: Visitor): Promise<SafeHtml[]> {
      const out = await Promise.all((byCore.get(core) ?? []).map((s) => s.render(subject, visitor)));
      return out.filter((html): html is SafeHtml => html !== null);
    },
  };
}
