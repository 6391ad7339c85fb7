import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { catalogs, type MessageKey } from './catalogs';
import { interpolate, type Vars } from './interpolate';
import { readStoredLang, storeLang, type Lang } from './lang';

export type TFunction = (key: MessageKey, vars?: Vars) => string;

export interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: TFunction;
}

export const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(readStoredLang);

  const setLang = useCallback((next: Lang) => {
    storeLang(next);
    setLangState(next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const t = useCallback<TFunction>((key, vars) => interpolate(catalogs[lang][key], vars), [lang]);
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);

  return <I18nContext value={value}>{children}</I18nContext>;
}
