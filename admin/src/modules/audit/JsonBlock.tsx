import { Typography } from 'antd';
import { useT } from '../../core/i18n/useT';

function pretty(value: unknown): string {
  if (typeof value === 'string') {
    try {
      return JSON.stringify(JSON.parse(value), null, 2);
    } catch {
      return value;
    }
  }
  return JSON.stringify(value, null, 2) ?? String(value);
}

export function JsonBlock({ label, value, testId }: { label: string; value: unknown; testId?: string }) {
  const t = useT();
  const empty = value === null || value === undefined;
  return (
    <div data-testid={testId}>
      <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
        {label}
      </Typography.Text>
      {empty ? (
        <Typography.Text type="secondary">{t('audit.detail.none')}</Typography.Text>
      ) : (
        <pre className="lc-json lc-mono">{pretty(value)}</pre>
      )}
    </div>
  );
}
