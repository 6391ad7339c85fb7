import { useCallback } from 'react';
import { useLang, useT } from '../i18n/useT';
import { problemText } from './problemText';

/** `(error, withDetails?) => message` in the current language (see `problemText`). */
export function useProblemText(): (error: unknown, withDetails?: boolean) => string {
  const t = useT();
  const { lang } = useLang();
  return useCallback((error: unknown, withDetails = true) => problemText(error, lang, t, withDetails), [lang, t]);
}
