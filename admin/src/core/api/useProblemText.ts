import { useCallback } from 'react';
import { useLang, useT } from '../i18n/useT';
import { problemText } from './problemText';

/** `(error) => message` in the current language. */
export function useProblemText(): (error: unknown) => string {
  const t = useT();
  const { lang } = useLang();
  return useCallback((error: unknown) => problemText(error, lang, t), [lang, t]);
}
