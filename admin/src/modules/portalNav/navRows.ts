import type { PortalNavInput, PortalNavItem } from './types';

/** Limits the server enforces too. */
export const NAV_LIMITS = { maxItems: 30, labelZh: 20, labelEn: 40, href: 200 } as const;
export const SORT_STEP = 10;

/** A site path: starts with one `/` (not `//` or `/\`), no spaces, as the server requires. */
export function isSitePath(href: string): boolean {
  return /^\/(?![/\\])\S*$/.test(href);
}

/** In the order the portal shows them. */
export function sortedItems(items: readonly PortalNavItem[]): PortalNavItem[] {
  return [...items].sort((a, b) => a.sort - b.sort || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The list to send: trimmed text, sort values 10, 20, 30… in the order of the rows. */
export function toPayload(rows: readonly PortalNavItem[]): PortalNavInput[] {
  return rows.map((row, index) => ({
    id: row.id,
    labelZh: (row.labelZh ?? '').trim(),
    labelEn: (row.labelEn ?? '').trim(),
    href: (row.href ?? '').trim(),
    sort: (index + 1) * SORT_STEP,
    visible: !!row.visible,
  }));
}

/** Whether the rows differ from what the server has (order included). */
export function isChanged(rows: readonly PortalNavItem[] | undefined, saved: readonly PortalNavItem[]): boolean {
  if (!rows) return false;
  return JSON.stringify(toPayload(rows)) !== JSON.stringify(toPayload(saved));
}

function randomSuffix(): string {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}

/** A new site link with an id matching `^[a-z0-9-]{1,40}$` that no row has yet. */
export function newLink(existing: readonly { id: string }[]): PortalNavItem {
  const taken = new Set(existing.map((row) => row.id));
  let id = `link-${randomSuffix()}`;
  while (taken.has(id)) id = `link-${randomSuffix()}`;
  return { id, labelZh: '', labelEn: '', href: '/', sort: 0, visible: true, module: null, moduleInstalled: true };
}
