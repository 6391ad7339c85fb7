import { Empty, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../core/format/datetime';
import { useT } from '../../core/i18n/useT';
import type { HistoryEntry, WorkflowStep } from './types';

const STEP_COLOR: Record<WorkflowStep, string> = {
  submit: 'blue',
  review: 'green',
  reject: 'red',
  sign: 'purple',
  publish: 'green',
  schedule: 'cyan',
  withdraw: 'orange',
  archive: 'gray',
};

/** The item's workflow history, oldest first: who did which step when, with their comment. */
export function HistoryTimeline({ history }: { history: readonly HistoryEntry[] }) {
  const t = useT();
  if (history.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('content.history.empty')} />;
  return (
    <Timeline
      data-testid="workflow-history"
      items={history.map((entry, index) => ({
        key: index,
        color: STEP_COLOR[entry.step],
        content: (
          <div data-step={entry.step}>
            <Typography.Text strong>
              {entry.step === 'review' && entry.level
                ? t('content.history.reviewLevel', { level: entry.level })
                : t(`content.step.${entry.step}`)}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              {entry.actorName}
            </Typography.Text>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(entry.at)} · {t('content.history.revision', { revision: entry.revision })}
              </Typography.Text>
            </div>
            {entry.comment ? <div style={{ whiteSpace: 'pre-wrap' }}>{entry.comment}</div> : null}
          </div>
        ),
      }))}
    />
  );
}
