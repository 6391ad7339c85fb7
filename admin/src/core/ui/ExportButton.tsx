import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { API_BASE } from '../api/client';
import { useT } from '../i18n/useT';

/** The list's export URL with the page's current filters (the server applies the same scope as the list). */
export function exportUrl(path: string, filters: Readonly<Record<string, string | undefined>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

/** 导出 Excel: a plain download link, so the browser saves the .xlsx with the session cookie. */
export function ExportButton({ path, filters = {}, testId }: { path: string; filters?: Readonly<Record<string, string | undefined>>; testId: string }) {
  const t = useT();
  return (
    <Button icon={<DownloadOutlined aria-hidden />} href={exportUrl(path, filters)} download data-testid={testId}>
      {t('common.export_xlsx')}
    </Button>
  );
}
