import type { Id } from '../../core/api/types';
import type { Region } from './types';

export interface RegionTreeNode {
  value: string;
  title: string;
  disabled?: boolean;
  children?: RegionTreeNode[];
}

export const idKey = (id: Id | null | undefined): string => (id === null || id === undefined ? '' : String(id));

/**
 * Builds TreeSelect data from the flat region list. Regions whose parent is missing (outside the user's
 * scope) become roots. `selectable` decides which levels can be picked.
 */
export function buildRegionTree(
  regions: readonly Region[],
  selectable: (region: Region) => boolean = () => true,
): RegionTreeNode[] {
  const keys = new Set(regions.map((r) => idKey(r.id)));
  const nodes = new Map<string, RegionTreeNode>();
  for (const region of regions) {
    nodes.set(idKey(region.id), { value: idKey(region.id), title: region.name, disabled: !selectable(region) });
  }
  const roots: RegionTreeNode[] = [];
  for (const region of regions) {
    const node = nodes.get(idKey(region.id))!;
    const parentKey = idKey(region.parentId);
    const parent = parentKey && keys.has(parentKey) ? nodes.get(parentKey) : undefined;
    if (parent && parent !== node) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

/** The towns among `regions`, as choices (value: the town's id as a string). */
export function townOptions(regions: readonly Region[]): { value: string; label: string }[] {
  return regions.filter((r) => r.level === 'town').map((r) => ({ value: idKey(r.id), label: r.name }));
}
