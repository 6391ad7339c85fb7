import { Alert, DatePicker, Form, Input, Modal, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { ApiError } from '../../core/api/ApiError';
import { localized } from '../../core/api/problemText';
import { useProblemText } from '../../core/api/useProblemText';
import { useLang, useT } from '../../core/i18n/useT';
import type { WorkflowAction } from './api';
import { shanghaiToday, shanghaiWallClockToIso } from './shanghaiTime';

export type StepWithInput = Extract<WorkflowAction, 'review' | 'reject' | 'publish' | 'withdraw'>;

interface Values {
  comment?: string;
  when?: 'now' | 'at';
  at?: Dayjs | null;
}

interface Props {
  step: StepWithInput | null;
  onClose: () => void;
  /** Runs the step; a rejection keeps the dialog open with the server's message. */
  onConfirm: (step: StepWithInput, body: Record<string, unknown>) => Promise<void>;
}

/**
 * The dialog of the steps that take input: a comment (review, reject — required —, withdraw) or, for
 * publishing, now or a scheduled time. The server refuses times in the past; the picker disables them too.
 */
export function StepModal({ step, onClose, onConfirm }: Props) {
  const t = useT();
  const problemText = useProblemText();
  const { lang } = useLang();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const when = Form.useWatch('when', form);

  useEffect(() => {
    if (step) {
      form.resetFields();
      form.setFieldsValue({ when: 'now' });
      setError(null);
    }
  }, [step, form]);

  const onFinish = async (values: Values) => {
    if (!step) return;
    const body: Record<string, unknown> = {};
    if (values.comment?.trim()) body.comment = values.comment.trim();
    if (step === 'publish' && values.when === 'at' && values.at) body.publishAt = shanghaiWallClockToIso(values.at);
    setBusy(true);
    setError(null);
    try {
      await onConfirm(step, body);
    } catch (failure) {
      // The server's reason about the time or the comment goes under that field; anything else above the form.
      const fieldError =
        failure instanceof ApiError
          ? failure.problem?.errors?.find((e) => ['publishAt', 'comment'].includes((e.field ?? '').replace(/^\/+/, '')))
          : undefined;
      if (fieldError) {
        const name = fieldError.field.endsWith('comment') ? 'comment' : 'at';
        form.setFields([{ name, errors: [localized(fieldError.message, lang) ?? fieldError.code] }]);
      } else {
        setError(problemText(failure));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={step !== null}
      title={step ? t(`content.action.${step}`) : ''}
      okText={step === 'publish' && when === 'at' ? t('content.publish.at') : step ? t(`content.action.${step}`) : ''}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      forceRender
      okButtonProps={{ danger: step === 'reject' || step === 'withdraw', ...({ 'data-testid': 'step-confirm' } as Record<string, string>) }}
    >
      <Form<Values> form={form} name="workflowStep" layout="vertical" onFinish={onFinish}>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="step-error" /> : null}
        {step === 'publish' ? (
          <>
            <Form.Item name="when" label={t('content.publish.when')}>
              <Radio.Group
                options={[
                  { value: 'now', label: t('content.publish.now') },
                  { value: 'at', label: t('content.publish.at') },
                ]}
              />
            </Form.Item>
            {when === 'at' ? (
              <Form.Item
                name="at"
                label={t('content.publish.time')}
                extra={t('content.publish.timeHint')}
                rules={[{ required: true, message: t('content.publish.timeRequired') }]}
              >
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  disabledDate={(day) => day.format('YYYY-MM-DD') < shanghaiToday()}
                  style={{ width: '100%' }}
                  data-testid="publish-at"
                />
              </Form.Item>
            ) : null}
          </>
        ) : (
          <Form.Item
            name="comment"
            label={t('content.workflow.comment')}
            rules={[
              { required: step === 'reject', whitespace: true, message: t('content.workflow.commentRequired') },
              { max: 500 },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} data-testid="step-comment" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
