import type { Id } from '../../core/api/types';
import type { Lang } from '../../core/i18n/lang';
import type { Category, ItemKind } from './types';

export const idKey = (id: Id | null | undefined): string => (id === null || id === undefined ? '' : String(id));

export const categoryName = (category: Category, lang: Lang) =>
  lang === 'en' && category.nameEn ? category.nameEn : category.nameZh;

export interface CategoryNode {
  key: string;
  value: string;
  title: string;
  category: Category;
  disabled?: boolean;
  children?: CategoryNode[];
}

/**
 * The flat category list as a tree, siblings in `sort` order. `kind` disables the categories that hold
 * the other kind of item (an official document cannot be filed under an article category).
 */
export function buildCategoryTree(categories: readonly Category[], lang: Lang, kind?: ItemKind): CategoryNode[] {
  const sorted = [...categories].sort((a, b) => a.sort - b.sort || categoryName(a, lang).localeCompare(categoryName(b, lang)));
  const nodes = new Map<string, CategoryNode>();
  for (const category of sorted) {
    const key = idKey(category.id);
    nodes.set(key, {
      key,
      value: key,
      title: categoryName(category, lang),
      category,
      disabled: kind !== undefined && category.itemKind !== kind,
    });
  }
  const roots: CategoryNode[] = [];
  for (const category of sorted) {
    const node = nodes.get(idKey(category.id))!;
    const parent = nodes.get(idKey(category.parentId));
    if (parent && parent !== node) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}
