import { t, type Locale, type MessageId } from '../i18n/i18n.js';

export interface RenderedNotification { title: string; body: string }

/** Stored params are JSON text; anything that is not a flat object of strings and numbers is ignored. */
export function parseParams(json: string): Record<string, string | number> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return {};
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string' || typeof v === 'number')) as Record<string, string | number>;
}

/**
 * Texts are rendered when read or sent, in the reader's language, from the topic's catalog entries
 * (`${topic}.title`, `${topic}.body`) that the module owning the topic registers.
 */
export function renderNotification(locale: Locale, topic: string, paramsJson: string): RenderedNotification {
  const params = parseParams(paramsJson);
  return {
    title: t(locale, `${topic}.title` as MessageId, params),
    body: t(locale, `${topic}.body` as MessageId, params),
  };
}
