import { ApiError } from '../../core/api/ApiError';
import { localized } from '../../core/api/problemText';
import type { MessageKey } from '../../core/i18n/catalogs';
import type { TFunction } from '../../core/i18n/I18nProvider';
import type { Lang } from '../../core/i18n/lang';

const REASON_KEYS: Record<string, MessageKey> = {
  too_short: 'password.reason.too_short',
  too_long: 'password.reason.too_long',
  too_few_classes: 'password.reason.too_few_classes',
  common: 'password.reason.common',
  contains_personal: 'password.reason.contains_personal',
};

export type PasswordField = 'currentPassword' | 'newPassword';

/** The server's reasons, grouped by form field (anything not about the current password is about the new one). */
export function passwordReasons(error: unknown, lang: Lang, t: TFunction): Record<PasswordField, string[]> {
  const out: Record<PasswordField, string[]> = { currentPassword: [], newPassword: [] };
  if (!(error instanceof ApiError)) return out;
  for (const item of error.problem?.errors ?? []) {
    const text = localized(item.message, lang) ?? (REASON_KEYS[item.code] ? t(REASON_KEYS[item.code]) : item.code);
    const field: PasswordField = /current/i.test(item.field ?? '') ? 'currentPassword' : 'newPassword';
    out[field].push(text);
  }
  return out;
}
