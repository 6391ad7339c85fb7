import type { Actor } from '../core/access/actor.js';
import type { Locale } from '../core/i18n/i18n.js';

/**
 * Links other modules add to the portal's /account page (my classes, my certificates, the teacher's roll call…), so
 * the page lists what this build offers without importing the modules that offer it.
 */
export interface AccountLink {
  id: string;
  order: number;
  href: string;
  label: Record<Locale, string>;
  /** Shown only to those for whom it returns true (e.g. teachers); everyone signed in otherwise. */
  visible?: (actor: Actor) => boolean;
}

const links = new Map<string, AccountLink>();

export function registerAccountLink(link: AccountLink) {
  links.set(link.id, link);
}

export function accountLinksFor(actor: Actor, locale: Locale): Array<{ href: string; label: string }> {
  return [...links.values()].filter((l) => !l.visible || l.visible(actor)).sort((a, b) => a.order - b.order)
    .map((l) => ({ href: l.href, label: l.label[locale] }));
}
