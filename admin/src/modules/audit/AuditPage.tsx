import { useMemo } from 'react';
import { shanghaiDayEnd, shanghaiDayStart } from '../../core/format/datetime';
import { useUrlList } from '../../core/hooks/useUrlList';
import { useT } from '../../core/i18n/useT';
import { ListPage } from '../../core/ui/ListPage';
import { auditApi } from './api';
import { auditColumns } from './auditColumns';
import { AuditDetail } from './AuditDetail';
import { AUDIT_FILTER_KEYS, AuditFilters } from './AuditFilters';
import type { AuditEntry, AuditQuery } from './types';
import { useChainVerification, VerifyChainButton, VerifyChainResult } from './VerifyChain';

const isDay = (value: string | undefined): value is string => !!value && /^\d{4}-\d{2}-\d{2}$/.test(value);

export default function AuditPage() {
  const t = useT();
  const verification = useChainVerification();
  const list = useUrlList(AUDIT_FILTER_KEYS, ({ page, pageSize, ...filters }, signal) => {
    const query: AuditQuery = {
      page,
      pageSize,
      actor: filters.actor,
      action: filters.action,
      outcome: filters.outcome,
      targetType: filters.targetType,
      // Days are calendar days in Asia/Shanghai, sent as UTC instants.
      from: isDay(filters.from) ? shanghaiDayStart(filters.from) : undefined,
      to: isDay(filters.to) ? shanghaiDayEnd(filters.to) : undefined,
    };
    return auditApi.list(query, signal);
  });
  const columns = useMemo(() => auditColumns(t), [t]);

  return (
    <ListPage
      title={t('audit.title')}
      description={t('audit.description')}
      actions={<VerifyChainButton loading={verification.loading} onClick={verification.verify} />}
      above={<VerifyChainResult result={verification.result} error={verification.error} onClose={verification.dismiss} />}
      filters={<AuditFilters value={list.filters} onChange={list.setFilters} />}
      list={list}
      table={{
        rowKey: (e: AuditEntry) => String(e.seq),
        columns,
        scroll: { x: 975 },
        testId: 'audit-table',
        expandable: { expandedRowRender: (entry) => <AuditDetail entry={entry} /> },
      }}
    />
  );
}
