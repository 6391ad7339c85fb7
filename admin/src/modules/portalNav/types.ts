/** One entry of the portal's main navigation, as the server lists it (hidden ones included). */
export interface PortalNavItem {
  id: string;
  labelZh: string;
  labelEn: string;
  /** A site path: starts with `/`, never `//`. */
  href: string;
  sort: number;
  visible: boolean;
  /** The module whose section this is; null for plain site links (which can be deleted). */
  module: string | null;
  /** False when the section's module is not installed: the portal does not show it whatever `visible` says. */
  moduleInstalled: boolean;
}

/** What the server takes back: the whole list, in order. */
export type PortalNavInput = Pick<PortalNavItem, 'id' | 'labelZh' | 'labelEn' | 'href' | 'sort' | 'visible'>;

export interface PortalNav {
  items: PortalNavItem[];
}
