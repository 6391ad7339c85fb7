import { useT } from '../i18n/useT';
import { StatusPage } from './StatusPage';

export function Forbidden() {
  const t = useT();
  return <StatusPage status="403" subTitle={t('error.forbiddenPage')} />;
}
