import type { CoreContext } from '../../../core/context.js';
import type { Locale } from '../../../core/i18n/i18n.js';
import { contentVersion } from '../content-version.js';
import { visibleCategories, type Category } from './page-queries.js';

/** The visible category tree with look-ups by id and slug; rebuilt when the content version changes. */
export interface CategoryTree {
  all: Category[];
  byId: Map<string, Category>;
  bySlug: Map<string, Category>;
  /** Ids of the category and every visible category under it. */
  subtreeIds(category: Category): string[];
  children(category: Category): Category[];
  /** Root first: the chain of categories down to this one. */
  ancestry(category: Category): Category[];
}

export function buildCategoryTree(all: Category[]): CategoryTree {
  const byId = new Map(all.map((c) => [c.id, c]));
  const bySlug = new Map(all.map((c) => [c.slug, c]));
  return {
    all, byId, bySlug,
    subtreeIds: (category) => all.filter((c) => c.path.startsWith(category.path)).map((c) => c.id),
    children: (category) => all.filter((c) => c.parent_id === category.id),
    ancestry(category) {
      const chain: Category[] = [];
      for (let c: Category | undefined = category; c; c = c.parent_id ? byId.get(c.parent_id) : undefined) chain.unshift(c);
      return chain;
    },
  };
}

const trees = new WeakMap<object, { version: number; tree: CategoryTree }>();

export async function categoryTree(core: Pick<CoreContext, 'db'>): Promise<CategoryTree> {
  const version = await contentVersion(core);
  const cached = trees.get(core.db);
  if (cached && cached.version === version) return cached.tree;
  const tree = buildCategoryTree(await visibleCategories(core));
  trees.set(core.db, { version, tree });
  return tree;
}

export function categoryName(category: Category, locale: Locale): string {
  return locale === 'en' ? category.name_en : category.name_zh;
}
