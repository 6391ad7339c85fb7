import { Col, Descriptions, Flex, Row, Tag, Typography } from 'antd';
import { formatDateTime } from '../../core/format/datetime';
import { useT } from '../../core/i18n/useT';
import { changedKeys } from './diff';
import { targetText } from './display';
import { JsonBlock } from './JsonBlock';
import type { AuditEntry } from './types';

/** Expanded audit row: request facts, changed fields, then before and after side by side. */
export function AuditDetail({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const changed = changedKeys(entry.before, entry.after);
  return (
    <Flex vertical gap={12} style={{ padding: '4px 8px' }} data-testid="audit-detail">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          { key: 'at', label: t('audit.col.at'), children: formatDateTime(entry.at) },
          { key: 'requestId', label: t('audit.detail.requestId'), children: entry.requestId ?? '—' },
          { key: 'ip', label: t('audit.col.ip'), children: entry.ip ?? '—' },
          { key: 'actorId', label: t('audit.detail.actorId'), children: entry.actorId ?? '—' },
          { key: 'target', label: t('audit.col.target'), children: targetText(entry) || '—' },
        ]}
      />
      {changed.length > 0 ? (
        <Flex gap={6} wrap align="center">
          <Typography.Text type="secondary">{t('audit.detail.changed')}</Typography.Text>
          {changed.map((key) => (
            <Tag key={key} color="blue" className="lc-mono">
              {key}
            </Tag>
          ))}
        </Flex>
      ) : null}
      <Row gutter={[16, 12]}>
        <Col xs={24} md={12}>
          <JsonBlock label={t('audit.detail.before')} value={entry.before} testId="audit-before" />
        </Col>
        <Col xs={24} md={12}>
          <JsonBlock label={t('audit.detail.after')} value={entry.after} testId="audit-after" />
        </Col>
      </Row>
    </Flex>
  );
}
