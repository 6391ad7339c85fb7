import { Button, Card, Table, Tag } from 'antd';
import { useProblemText } from '../../core/api/useProblemText';
import { useQuery } from '../../core/api/useQuery';
import { formatDateTime } from '../../core/format/datetime';
import { useT } from '../../core/i18n/useT';
import { importApi } from './importApi';
import type { ImportStatus, ImportSummary } from './importTypes';

const STATUS_COLOR: Record<ImportStatus, string> = {
  validating: 'processing', ready: 'blue', invalid: 'error', committing: 'processing', committed: 'success', failed: 'error',
};

/** The caller's recent imports (newest first); opening one brings it back into the wizard. */
export function RecentImports({ refreshKey, onOpen }: { refreshKey: string; onOpen: (id: string) => void }) {
  const t = useT();
  const problemText = useProblemText();
  const recent = useQuery(`recent-imports:${refreshKey}`, (signal) => importApi.recent(signal));
  return (
    <Card size="small" title={t('network.import.recent')} data-testid="recent-imports">
      <Table<ImportSummary>
        rowKey="id"
        size="small"
        loading={recent.loading}
        dataSource={recent.data?.items ?? []}
        pagination={false}
        scroll={{ x: 640 }}
        locale={recent.error ? { emptyText: problemText(recent.error) } : undefined}
        columns={[
          { title: t('network.import.fileName'), dataIndex: 'fileName', key: 'fileName', ellipsis: true },
          { title: t('network.import.kind'), key: 'kind', render: (_, r) => t(`network.import.kind.${r.kind}`) },
          { title: t('network.field.status'), key: 'status', render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{t(`network.import.status.${r.status}`)}</Tag> },
          { title: t('network.import.rows'), key: 'rows', align: 'right', render: (_, r) => r.total },
          { title: t('network.import.createdAt'), key: 'createdAt', render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.createdAt)}</span> },
          {
            title: t('network.field.actions'), key: 'open',
            render: (_, r) => <Button type="link" size="small" onClick={() => onOpen(r.id)}>{t('network.standards.view')}</Button>,
          },
        ]}
      />
    </Card>
  );
}
