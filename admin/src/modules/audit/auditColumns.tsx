import { Tag, Typography, type TableColumnsType } from 'antd';
import { formatDateTime } from '../../core/format/datetime';
import { roleLabel } from '../../core/format/roles';
import type { TFunction } from '../../core/i18n/I18nProvider';
import { scopeText, shortId, targetText } from './display';
import type { AuditEntry } from './types';

export function auditColumns(t: TFunction): TableColumnsType<AuditEntry> {
  return [
    { title: t('audit.col.seq'), dataIndex: 'seq', width: 72 },
    { title: t('audit.col.at'), dataIndex: 'at', width: 165, render: (at: string) => formatDateTime(at) },
    {
      title: t('audit.col.actor'),
      dataIndex: 'actorName',
      width: 110,
      render: (_: unknown, e) =>
        e.actorName ?? (e.actorId !== null ? String(e.actorId) : <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>),
    },
    {
      title: t('audit.col.roleScope'),
      dataIndex: 'role',
      width: 150,
      render: (_: unknown, e) => {
        const scope = scopeText(e.scope);
        if (!e.role && !scope) return '—';
        return `${e.role ? roleLabel(t, e.role) : ''}${e.role && scope ? ' · ' : ''}${scope}`;
      },
    },
    {
      title: t('audit.col.action'),
      dataIndex: 'action',
      minWidth: 200,
      render: (action: string) => (
        <Typography.Text className="lc-mono" style={{ wordBreak: 'keep-all' }}>
          {action}
        </Typography.Text>
      ),
    },
    {
      title: t('audit.col.target'),
      dataIndex: 'targetType',
      width: 150,
      render: (_: unknown, e) =>
        e.targetType ? (
          <Typography.Text className="lc-mono" style={{ whiteSpace: 'nowrap' }} title={targetText(e)}>
            {e.targetType}
            {e.targetId !== null && e.targetId !== undefined ? ` #${shortId(String(e.targetId))}` : ''}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      title: t('audit.col.outcome'),
      dataIndex: 'outcome',
      width: 80,
      render: (outcome: AuditEntry['outcome']) => (
        <Tag color={outcome === 'success' ? 'success' : 'error'}>
          {outcome === 'success' || outcome === 'failure' ? t(`audit.outcome.${outcome}`) : String(outcome)}
        </Tag>
      ),
    },
    { title: t('audit.col.ip'), dataIndex: 'ip', width: 130, responsive: ['xxl'], render: (ip: string | null) => ip ?? '—' },
  ];
}
