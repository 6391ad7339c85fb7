import { ReadOutlined } from '@ant-design/icons';
import { useT } from '../i18n/useT';

export function Brand({ compact }: { compact: boolean }) {
  const t = useT();
  return (
    <div
      style={{
        height: 64,
        display: 'flex',
        alignItems: 'center',
        justifyContent: compact ? 'center' : 'flex-start',
        gap: 10,
        padding: compact ? 0 : '0 20px',
        color: '#fff',
        fontWeight: 600,
        fontSize: 16,
        whiteSpace: 'nowrap',
        overflow: 'hidden',
      }}
    >
      <ReadOutlined style={{ fontSize: 22, color: '#69b1ff' }} aria-hidden />
      {compact ? null : <span>{t('app.name')}</span>}
    </div>
  );
}
