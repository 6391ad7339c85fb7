import { Alert, Button, Card, Flex, Select, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Id } from '../../core/api/types';
import { useProblemText } from '../../core/api/useProblemText';
import { useQuery } from '../../core/api/useQuery';
import { formatDateTime } from '../../core/format/datetime';
import { useT } from '../../core/i18n/useT';
import { itemsApi } from './api';
import { DiffView } from './DiffView';

interface Props {
  itemId: Id;
  /** The item's current revision: the list reloads when it changes. */
  revision: number;
}

/** Every saved revision, and the difference between any two (by default the last two). */
export function RevisionsCard({ itemId, revision }: Props) {
  const t = useT();
  const problemText = useProblemText();
  const revisions = useQuery(`revisions:${itemId}:${revision}`, (signal) => itemsApi.revisions(itemId, signal));
  const list = useMemo(() => [...(revisions.data?.items ?? [])].sort((a, b) => b.revision - a.revision), [revisions.data]);
  const [from, setFrom] = useState<number | undefined>();
  const [to, setTo] = useState<number | undefined>();
  const [compare, setCompare] = useState<{ from: number; to: number } | null>(null);

  useEffect(() => {
    if (list.length >= 2) {
      setTo(list[0].revision);
      setFrom(list[1].revision);
    }
  }, [list]);

  const diffKey = compare ? `diff:${itemId}:${compare.from}:${compare.to}` : null;
  const diff = useQuery(diffKey, (signal) => itemsApi.diff(itemId, compare!.from, compare!.to, signal));
  const options = list.map((r) => ({ value: r.revision, label: t('content.revisions.label', { revision: r.revision }) }));

  return (
    <Card title={t('content.revisions.title')} size="small" data-testid="revisions-card">
      {revisions.error ? <Alert type="error" showIcon title={problemText(revisions.error)} /> : null}
      {revisions.loading && list.length === 0 ? <Skeleton active paragraph={{ rows: 2 }} /> : null}
      {/* A compact list: the card sits in the narrow column beside the form. */}
      <ol className="lc-revisions" data-testid="revisions-list">
        {list.map((r) => (
          <li key={r.revision} data-revision={r.revision}>
            <Flex justify="space-between" gap={8} wrap>
              <Typography.Text strong>
                {t('content.revisions.label', { revision: r.revision })}
                {r.published ? (
                  <Tag color="success" style={{ marginInlineStart: 6 }}>
                    {t('content.revisions.public')}
                  </Tag>
                ) : null}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(r.createdAt)}
              </Typography.Text>
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.authorName}
              {r.note ? ` · ${r.note}` : ''}
            </Typography.Text>
          </li>
        ))}
      </ol>
      {list.length >= 2 ? (
        <>
          <Flex gap={8} align="center" wrap style={{ margin: '12px 0' }}>
            <Typography.Text>{t('content.revisions.compare')}</Typography.Text>
            <Select
              value={from}
              onChange={setFrom}
              options={options}
              style={{ width: 104 }}
              aria-label={t('content.revisions.from')}
              data-testid="diff-from"
            />
            <Typography.Text type="secondary">→</Typography.Text>
            <Select value={to} onChange={setTo} options={options} style={{ width: 104 }} aria-label={t('content.revisions.to')} data-testid="diff-to" />
            <Button
              disabled={from === undefined || to === undefined || from === to}
              onClick={() => from !== undefined && to !== undefined && setCompare({ from, to })}
              data-testid="diff-show"
            >
              {t('content.revisions.show')}
            </Button>
          </Flex>
          {diff.error ? <Alert type="error" showIcon title={problemText(diff.error)} /> : null}
          {compare && diff.data && !diff.loading ? <DiffView diff={diff.data} /> : null}
        </>
      ) : null}
    </Card>
  );
}
