import { App, Button, Card, Descriptions, Flex, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../core/format/datetime';
import { useProblemText } from '../../core/api/useProblemText';
import { useT } from '../../core/i18n/useT';
import { itemsApi, type WorkflowAction } from './api';
import { HistoryTimeline } from './HistoryTimeline';
import { ItemStatusTag } from './labels';
import { StepModal, type StepWithInput } from './StepModal';
import type { ItemDetail } from './types';

/** Steps that run on one click (with a confirmation); the others open the step dialog. */
const DIRECT_STEPS = ['submit', 'sign', 'archive'] as const;
type DirectStep = (typeof DIRECT_STEPS)[number];

/** Button order follows the workflow: 拟稿 → 审核 → 签发 → 发布 → 撤回 / 归档. */
const ORDER: WorkflowAction[] = ['submit', 'review', 'reject', 'sign', 'publish', 'withdraw', 'archive'];

interface Props {
  item: ItemDetail;
  /** Unsaved edits: steps are refused until they are saved, so the reviewer sees what was submitted. */
  dirty: boolean;
  /** The category's review levels: what a draft will need once submitted. */
  plannedReviews?: number;
  onChanged: (item: ItemDetail) => void;
}

/** The item's state, the workflow steps its `abilities` allow the caller now, and its history. */
export function WorkflowPanel({ item, dirty, plannedReviews, onChanged }: Props) {
  const t = useT();
  const problemText = useProblemText();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<StepWithInput | null>(null);
  const [running, setRunning] = useState<WorkflowAction | null>(null);

  const allowed = ORDER.filter((step) => item.abilities[step]);
  // A published item being edited: the steps act on the pending edit, the public version stays as it is.
  const state = item.pendingEdit ?? item;

  // A draft's required reviews are fixed when it is submitted; until then the category says how many.
  const reviewText = () => {
    const required = state.status === 'draft' ? (plannedReviews ?? state.reviewsRequired) : state.reviewsRequired;
    if (required === 0) return t('content.workflow.noReview');
    if (state.status === 'draft') return t('content.workflow.reviewPlanned', { required });
    return t('content.workflow.reviewProgress', { passed: state.reviewsPassed, required });
  };

  const run = async (step: WorkflowAction, body: Record<string, unknown> = {}) => {
    const next = await itemsApi.step(item.id, step, body);
    message.success(t(step === 'publish' && body.publishAt ? 'content.action.done.schedule' : `content.action.done.${step}`));
    onChanged(next);
  };

  const runDirect = async (step: DirectStep) => {
    setRunning(step);
    try {
      await run(step);
    } catch (failure) {
      message.error(problemText(failure));
    } finally {
      setRunning(null);
    }
  };

  return (
    <Card title={t('content.workflow.title')} size="small" data-testid="workflow-panel">
      <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('content.field.status')}>
          <span data-testid="item-status">
            <ItemStatusTag status={item.status} />
          </span>
        </Descriptions.Item>
        {item.pendingEdit ? (
          <Descriptions.Item label={t('content.workflow.pendingEdit')}>
            <span data-testid="item-pending-status">
              <ItemStatusTag status={state.status} />
            </span>
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('content.workflow.reviews')}>
          {reviewText()}
        </Descriptions.Item>
        {state.signed ? (
          <Descriptions.Item label={t('content.workflow.signed')}>
            <span data-testid="item-signed">
              {state.signed.name} · {formatDateTime(state.signed.at)}
            </span>
          </Descriptions.Item>
        ) : null}
        {state.status === 'scheduled' && state.publishAt ? (
          <Descriptions.Item label={t('content.workflow.scheduledFor')}>{formatDateTime(state.publishAt)}</Descriptions.Item>
        ) : null}
        {item.publishedAt ? (
          <Descriptions.Item label={t('content.workflow.publishedAt')}>{formatDateTime(item.publishedAt)}</Descriptions.Item>
        ) : null}
        {item.status === 'published' ? (
          <Descriptions.Item label={t('content.workflow.portal')}>
            <a href={`/a/${encodeURIComponent(item.id)}`} target="_blank" rel="noreferrer" data-testid="portal-link">
              {t('content.workflow.viewOnPortal')}
            </a>
          </Descriptions.Item>
        ) : null}
      </Descriptions>

      {allowed.length > 0 ? (
        <>
          {dirty ? (
            <Typography.Paragraph type="warning" style={{ fontSize: 12 }}>
              {t('content.workflow.saveFirst')}
            </Typography.Paragraph>
          ) : null}
          <Flex gap={8} wrap style={{ marginBottom: 16 }}>
            {allowed.map((step) =>
              (DIRECT_STEPS as readonly WorkflowAction[]).includes(step) ? (
                <Popconfirm
                  key={step}
                  title={t(`content.action.confirm.${step as DirectStep}`)}
                  okText={t(`content.action.${step}`)}
                  cancelText={t('common.cancel')}
                  onConfirm={() => runDirect(step as DirectStep)}
                  disabled={dirty}
                >
                  <Button
                    type={step === 'submit' || step === 'sign' ? 'primary' : 'default'}
                    loading={running === step}
                    disabled={dirty}
                    data-testid={`action-${step}`}
                  >
                    {t(`content.action.${step}`)}
                  </Button>
                </Popconfirm>
              ) : (
                <Button
                  key={step}
                  type={step === 'review' || step === 'publish' ? 'primary' : 'default'}
                  danger={step === 'reject' || step === 'withdraw'}
                  disabled={dirty}
                  onClick={() => setDialog(step as StepWithInput)}
                  data-testid={`action-${step}`}
                >
                  {t(`content.action.${step}`)}
                </Button>
              ),
            )}
          </Flex>
        </>
      ) : (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('content.workflow.nothingToDo')}
        </Typography.Paragraph>
      )}

      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('content.history.title')}
      </Typography.Title>
      <HistoryTimeline history={item.history} />

      <StepModal
        step={dialog}
        onClose={() => setDialog(null)}
        onConfirm={async (step, body) => {
          await run(step, body);
          setDialog(null);
        }}
      />
    </Card>
  );
}
