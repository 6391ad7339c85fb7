import { Segmented } from 'antd';
import { useLang, useT } from '../i18n/useT';
import { isLang, type Lang } from '../i18n/lang';

// Each language is named in itself (an autonym), so people can find theirs whatever the current language.
const OPTIONS: { label: string; value: Lang }[] = [
  { label: '中文', value: 'zh-CN' },
  { label: 'EN', value: 'en' },
];

export function LanguageSwitch() {
  const t = useT();
  const { lang, setLang } = useLang();
  return (
    <Segmented<Lang>
      size="small"
      options={OPTIONS}
      value={lang}
      onChange={(value) => {
        if (isLang(value)) setLang(value);
      }}
      aria-label={t('header.language')}
      title={t('header.language')}
      data-testid="lang-switch"
    />
  );
}
