import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useT } from '../i18n/useT';

/** A whole-page answer for a route the user cannot see (403, 404), with the way back home. */
export function StatusPage({ status, subTitle }: { status: '403' | '404'; subTitle: string }) {
  const t = useT();
  return (
    <Result
      status={status}
      title={status}
      subTitle={subTitle}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
