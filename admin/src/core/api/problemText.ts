import type { TFunction } from '../i18n/I18nProvider';
import type { Lang } from '../i18n/lang';
import { ApiError } from './ApiError';
import type { LocalizedText } from './types';

export function localized(text: LocalizedText | undefined, lang: Lang): string | undefined {
  if (!text) return undefined;
  return text[lang] || text['zh-CN'] || text.en || undefined;
}

/**
 * A message for any failure, in the current language: the server's own words when it gave them, followed by
 * its per-field reasons unless `withDetails` is false (forms that show those reasons on their fields).
 */
export function problemText(error: unknown, lang: Lang, t: TFunction, withDetails = true): string {
  if (error instanceof ApiError) {
    const fromServer = localized(error.problem?.message, lang);
    const details = withDetails
      ? (error.problem?.errors ?? []).map((e) => localized(e.message, lang)).filter((m): m is string => !!m)
      : [];
    if (fromServer) return [fromServer, ...details].join(' ');
    if (details.length > 0) return details.join(' ');
    if (error.status === 0) return t('error.network');
    if (error.status === 401) return t('error.unauthorized');
    if (error.status === 403) return t('error.forbidden');
    if (error.status === 404) return t('error.notFound');
    if (error.status === 429) return t('error.tooManyRequests');
    return t('error.http', { status: error.status });
  }
  return t('error.unexpected');
}
