import { useT } from '../i18n/useT';
import { StatusPage } from './StatusPage';

export function NotFound() {
  const t = useT();
  return <StatusPage status="404" subTitle={t('error.notFoundPage')} />;
}
