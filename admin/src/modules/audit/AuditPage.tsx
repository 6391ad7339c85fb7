import { Alert, Button, Card, Flex, Table } from 'antd';
import { useMemo } from 'react';
import { useProblemText } from '../../core/api/useProblemText';
import { useQuery } from '../../core/api/useQuery';
import { shanghaiDayEnd, shanghaiDayStart } from '../../core/format/datetime';
import { PAGE_SIZE_OPTIONS, useUrlListState } from '../../core/hooks/useUrlState';
import { useT } from '../../core/i18n/useT';
import { PageContainer } from '../../core/ui/PageContainer';
import { auditApi } from './api';
import { auditColumns } from './auditColumns';
import { AuditDetail } from './AuditDetail';
import { AUDIT_FILTER_KEYS, AuditFilters } from './AuditFilters';
import type { AuditEntry, AuditQuery } from './types';
import { useChainVerification, VerifyChainButton, VerifyChainResult } from './VerifyChain';

const isDay = (value: string | undefined): value is string => !!value && /^\d{4}-\d{2}-\d{2}$/.test(value);

export default function AuditPage() {
  const t = useT();
  const problemText = useProblemText();
  const { filters, page, pageSize, setFilters, setPage } = useUrlListState(AUDIT_FILTER_KEYS);
  const verification = useChainVerification();

  const query = useMemo<AuditQuery>(
    () => ({
      page,
      pageSize,
      actor: filters.actor,
      action: filters.action,
      outcome: filters.outcome,
      targetType: filters.targetType,
      // Days are calendar days in Asia/Shanghai, sent as UTC instants.
      from: isDay(filters.from) ? shanghaiDayStart(filters.from) : undefined,
      to: isDay(filters.to) ? shanghaiDayEnd(filters.to) : undefined,
    }),
    [page, pageSize, filters],
  );
  const list = useQuery(JSON.stringify(query), (signal) => auditApi.list(query, signal));
  const columns = useMemo(() => auditColumns(t), [t]);

  return (
    <PageContainer
      title={t('audit.title')}
      description={t('audit.description')}
      extra={<VerifyChainButton loading={verification.loading} onClick={verification.verify} />}
    >
      <Flex vertical gap={16}>
        <VerifyChainResult result={verification.result} error={verification.error} onClose={verification.dismiss} />
        <Card>
          <AuditFilters value={filters} onChange={setFilters} />
          {list.error ? (
            <Alert
              type="error"
              showIcon
              title={problemText(list.error)}
              style={{ marginTop: 16 }}
              action={
                <Button size="small" onClick={list.reload}>
                  {t('common.retry')}
                </Button>
              }
            />
          ) : null}
          <Table<AuditEntry>
            style={{ marginTop: 16 }}
            rowKey={(e) => String(e.seq)}
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.loading}
            size="middle"
            scroll={{ x: 975 }}
            data-testid="audit-table"
            expandable={{ expandedRowRender: (entry) => <AuditDetail entry={entry} /> }}
            pagination={{
              current: list.data?.page ?? page,
              pageSize: list.data?.pageSize ?? pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZE_OPTIONS,
              showTotal: (total) => t('common.total', { total }),
              onChange: setPage,
            }}
          />
        </Card>
      </Flex>
    </PageContainer>
  );
}
