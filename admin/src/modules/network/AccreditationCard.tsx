import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Select, Timeline } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useQuery } from '../../core/api/useQuery';
import { useProblemText } from '../../core/api/useProblemText';
import { PERMISSIONS } from '../../core/auth/permissions';
import { useAuth } from '../../core/auth/useAuth';
import { formatDateTime } from '../../core/format/datetime';
import { useLang, useT } from '../../core/i18n/useT';
import { useFormSubmit } from '../../core/api/useFormSubmit';
import { accreditationApi } from './api';
import { levelName } from './levelName';

const FIELDS = ['levelId', 'grantedOn', 'certificateNo', 'nextReviewOn'] as const;

interface FormValues {
  levelId: string;
  grantedOn: Dayjs | null;
  certificateNo: string;
  nextReviewOn: Dayjs | null;
}

const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);

/** A center's accreditation: the current level, the city admin's form to change it, and the history of changes. */
export function AccreditationCard({ institutionId, onChanged }: { institutionId: string; onChanged: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const { can } = useAuth();
  const canManage = can(PERMISSIONS.networkAccreditationManage);
  const accreditation = useQuery(`accreditation:${institutionId}`, (signal) => accreditationApi.get(institutionId, signal));
  const levels = useQuery(canManage ? 'accreditation-levels' : null, (signal) => accreditationApi.levels(signal));
  const [form] = Form.useForm<FormValues>();
  const { run, submitting, error } = useFormSubmit(form, FIELDS);
  const current = accreditation.data?.current ?? null;

  useEffect(() => {
    form.setFieldsValue({
      levelId: current?.level.id, certificateNo: current?.certificateNo ?? '',
      grantedOn: current?.grantedOn ? dayjs(current.grantedOn, 'YYYY-MM-DD') : null,
      nextReviewOn: current?.nextReviewOn ? dayjs(current.nextReviewOn, 'YYYY-MM-DD') : null,
    });
  }, [form, current]);

  const save = async (values: FormValues) => {
    const saved = await run(() => accreditationApi.set(institutionId, {
      levelId: values.levelId, grantedOn: day(values.grantedOn), certificateNo: values.certificateNo ?? '', nextReviewOn: day(values.nextReviewOn),
    }));
    if (saved) {
      message.success(t('common.saved'));
      accreditation.reload();
      onChanged();
    }
  };

  if (accreditation.error) return <Alert type="error" showIcon title={problemText(accreditation.error)} />;
  return (
    <Card size="small" title={t('network.field.accreditation')} loading={accreditation.loading && !accreditation.data} data-testid="accreditation-card">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('network.accreditation.level')}>{current ? levelName(current.level, lang) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('network.accreditation.grantedOn')}>{current?.grantedOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('network.accreditation.certificateNo')}>{current?.certificateNo || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('network.accreditation.nextReviewOn')}>{current?.nextReviewOn ?? '—'}</Descriptions.Item>
      </Descriptions>
      {canManage ? (
        <Form form={form} layout="vertical" name="accreditationForm" onFinish={(v) => void save(v)} style={{ marginTop: 12 }}>
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
          <Form.Item name="levelId" label={t('network.accreditation.level')} rules={[{ required: true }]}>
            <Select data-testid="acc-level" options={(levels.data?.items ?? []).map((l) => ({ value: l.id, label: levelName(l, lang) }))} />
          </Form.Item>
          <Form.Item name="grantedOn" label={t('network.accreditation.grantedOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="certificateNo" label={t('network.accreditation.certificateNo')} rules={[{ max: 60 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="nextReviewOn" label={t('network.accreditation.nextReviewOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="acc-save">{t('common.save')}</Button>
        </Form>
      ) : null}
      <h4 style={{ marginTop: 16 }}>{t('network.accreditation.history')}</h4>
      {accreditation.data?.history.length ? (
        <Timeline
          data-testid="accreditation-history"
          items={accreditation.data.history.map((h) => ({
            key: h.id,
            children: (
              <>
                <div>{h.fromLevel ? `${levelName(h.fromLevel, lang)} → ` : ''}{levelName(h.level, lang)}{h.certificateNo ? ` · ${h.certificateNo}` : ''}</div>
                <div style={{ color: 'rgba(0,0,0,0.45)' }}>{formatDateTime(h.changedAt)}{h.changedBy ? ` · ${h.changedBy}` : ''}</div>
              </>
            ),
          }))}
        />
      ) : (
        <div style={{ color: 'rgba(0,0,0,0.45)' }}>{t('network.accreditation.noHistory')}</div>
      )}
    </Card>
  );
}
