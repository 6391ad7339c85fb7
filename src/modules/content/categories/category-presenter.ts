import type { CategoryDto } from './category-schemas.js';
import type { CategoryRow } from './category-repository.js';
import { depthOf } from './category-rules.js';

export function presentCategory(row: CategoryRow & { item_count?: unknown; child_count?: unknown }): CategoryDto {
  return {
    id: row.id, parentId: row.parent_id, slug: row.slug, path: row.path, depth: depthOf(row.path),
    nameZh: row.name_zh, nameEn: row.name_en, description: row.description, itemKind: row.item_kind,
    reviewLevels: Number(row.review_levels), sort: Number(row.sort), visible: Number(row.visible) === 1,
    itemCount: Number(row.item_count ?? 0), childCount: Number(row.child_count ?? 0),
  };
}

/** Tree order: parents before children, siblings by sort then id (a depth-first walk of the flat list). */
export function inTreeOrder<T extends { id: string; parentId: string | null; sort: number }>(rows: T[]): T[] {
  const children = new Map<string | null, T[]>();
  for (const r of rows) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r]);
  const out: T[] = [];
  const walk = (parent: string | null) => {
    for (const r of (children.get(parent) ?? []).sort((a, b) => a.sort - b.sort || a.id.localeCompare(b.id))) {
      out.push(r);
      walk(r.id);
    }
  };
  walk(null);
  // The foreign key rules out orphans; should a cycle ever slip in, its rows still appear, at the end.
  const placed = new Set(out);
  return [...out, ...rows.filter((r) => !placed.has(r))];
}
