import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useMemo, type ReactNode } from 'react';
import { AuthProvider } from './auth/AuthProvider';
import { I18nProvider } from './i18n/I18nProvider';
import { useReducedMotion } from './hooks/useReducedMotion';
import { useLang } from './i18n/useT';
import { appTheme } from './theme';

function LocalizedAntd({ children }: { children: ReactNode }) {
  const { lang } = useLang();
  const reducedMotion = useReducedMotion();
  const theme = useMemo(() => appTheme(reducedMotion), [reducedMotion]);
  useEffect(() => {
    dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  }, [lang]);
  return (
    // autoInsertSpace off: button labels read exactly as in the catalogs ("查看", not "查 看"), for screen
    // readers and for tests that find buttons by their text.
    <ConfigProvider locale={lang === 'zh-CN' ? zhCN : enUS} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <I18nProvider>
      <LocalizedAntd>
        <AuthProvider>{children}</AuthProvider>
      </LocalizedAntd>
    </I18nProvider>
  );
}
