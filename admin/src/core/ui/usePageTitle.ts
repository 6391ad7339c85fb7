import { useEffect } from 'react';
import { useT } from '../i18n/useT';

/** Sets the browser tab title to `<page> · <app>`. */
export function usePageTitle(title: string): void {
  const t = useT();
  useEffect(() => {
    document.title = title ? `${title} · ${t('app.documentTitle')}` : t('app.documentTitle');
  }, [title, t]);
}
