import { UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../core/i18n/useT';
import type { ImportKind } from './importTypes';

/** 导入: opens the import wizard on this list's kind. */
export function ImportLink({ kind }: { kind: ImportKind }) {
  const t = useT();
  return (
    <Link to={`/network/import?kind=${kind}`} data-testid={`import-link-${kind}`}>
      <Button icon={<UploadOutlined aria-hidden />}>{t('network.import.button')}</Button>
    </Link>
  );
}
