import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useProblemText } from '../../core/api/useProblemText';
import { useQuery } from '../../core/api/useQuery';
import { useT } from '../../core/i18n/useT';
import { DetailDrawer } from '../../core/ui/DetailDrawer';
import { useFormSubmit } from '../../core/api/useFormSubmit';
import { ConfirmDeleteButton } from '../../core/ui/ConfirmDeleteButton';
import { AgreementStateTag } from './agreementState';
import { partnerApi } from './partnerApi';
import { CONTRIBUTION_KINDS, type Agreement, type Contribution, type ContributionKind } from './partnerTypes';

const CONTRIBUTION_FIELDS = ['kind', 'description', 'amount', 'year'] as const;
const AGREEMENT_FIELDS = ['title', 'signedOn', 'validFrom', 'validUntil', 'notes'] as const;

interface AgreementValues {
  title: string;
  signedOn: Dayjs;
  validFrom: Dayjs;
  validUntil: Dayjs;
  notes?: string;
}

/** A partner's contributions, agreements (with their validity) and linked institutions; managers add and remove them. */
export function PartnerDrawer({ partnerId, canManage, onClose }: { partnerId: string | null; canManage: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const detail = useQuery(partnerId ? `partner:${partnerId}` : null, (signal) => partnerApi.get(partnerId!, signal));
  const [contributionForm] = Form.useForm<{ kind: ContributionKind; description?: string; amount: number; year: number }>();
  const [agreementForm] = Form.useForm<AgreementValues>();
  const contribution = useFormSubmit(contributionForm, CONTRIBUTION_FIELDS);
  const agreement = useFormSubmit(agreementForm, AGREEMENT_FIELDS);
  const p = partnerId ? detail.data : undefined;

  const remove = async (action: () => Promise<unknown>) => {
    try {
      await action();
      detail.reload();
    } catch (failure) {
      message.error(problemText(failure));
    }
  };

  const addContribution = async () => {
    const v = await contributionForm.validateFields();
    const done = await contribution.run(() => partnerApi.addContribution(partnerId!, { ...v, description: v.description ?? '' }));
    if (done !== undefined) {
      contributionForm.resetFields();
      detail.reload();
    }
  };
  const addAgreement = async () => {
    const v = await agreementForm.validateFields();
    const day = (d: Dayjs) => d.format('YYYY-MM-DD');
    const done = await agreement.run(() => partnerApi.addAgreement(partnerId!, {
      title: v.title, signedOn: day(v.signedOn), validFrom: day(v.validFrom), validUntil: day(v.validUntil), notes: v.notes ?? '',
    }));
    if (done !== undefined) {
      agreementForm.resetFields();
      detail.reload();
    }
  };

  return (
    <DetailDrawer open={partnerId !== null} onClose={onClose} size={760} title={p?.name} testId="partner-drawer" error={detail.error}>
      {p ? (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('network.partners.type')}>{t(`network.partnerType.${p.type}`)}</Descriptions.Item>
            <Descriptions.Item label={t('network.field.town')}>{p.townName}</Descriptions.Item>
            <Descriptions.Item label={t('network.field.contactName')}>{p.contactName || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('network.field.contactPhone')}>{p.contactPhone || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('network.partners.institutions')} span={2}>{p.institutions.map((i) => i.name).join(t('common.listSeparator')) || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('network.field.description')} span={2}>{p.description || '—'}</Descriptions.Item>
          </Descriptions>

          <Card size="small" title={t('network.partners.contributions')}>
            <Table<Contribution> rowKey="id" size="small" pagination={false} dataSource={p.contributions} data-testid="contributions"
              columns={[
                { title: t('network.partners.year'), dataIndex: 'year', key: 'year', width: 70 },
                { title: t('network.partners.kind'), key: 'kind', render: (_, c) => t(`network.contribution.${c.kind}`) },
                { title: t('network.partners.amount'), key: 'amount', render: (_, c) => (c.kind === 'money' ? t('network.partners.yuan', { amount: c.amount.toLocaleString('zh-CN') }) : c.amount) },
                { title: t('network.field.description'), dataIndex: 'description', key: 'description' },
                ...(canManage ? [{ key: 'x', width: 50, render: (_: unknown, c: Contribution) => (
                  <ConfirmDeleteButton confirm={t('network.partners.removeConfirm')} label={t('network.partners.remove')}
                    onConfirm={() => remove(() => partnerApi.removeContribution(p.id, c.id))} />
                ) }] : []),
              ]} />
            {canManage ? (
              <Form form={contributionForm} layout="inline" name="contributionForm" style={{ marginTop: 12, rowGap: 8 }} initialValues={{ year: new Date().getFullYear() }}>
                {contribution.error ? <Alert type="error" showIcon title={contribution.error} style={{ width: '100%', marginBottom: 8 }} /> : null}
                <Form.Item name="kind" rules={[{ required: true }]}>
                  <Select style={{ width: 100 }} placeholder={t('network.partners.kind')} options={CONTRIBUTION_KINDS.map((k) => ({ value: k, label: t(`network.contribution.${k}`) }))} />
                </Form.Item>
                <Form.Item name="amount" rules={[{ required: true }]}><InputNumber placeholder={t('network.partners.amount')} style={{ width: 110 }} /></Form.Item>
                <Form.Item name="year" rules={[{ required: true }]}><InputNumber style={{ width: 80 }} /></Form.Item>
                <Form.Item name="description"><Input placeholder={t('network.field.description')} style={{ width: 180 }} /></Form.Item>
                <Button onClick={() => void addContribution().catch(() => undefined)} loading={contribution.submitting}>{t('network.partners.add')}</Button>
              </Form>
            ) : null}
          </Card>

          <Card size="small" title={t('network.partners.agreements')}>
            <Table<Agreement> rowKey="id" size="small" pagination={false} dataSource={p.agreements} data-testid="agreements"
              columns={[
                { title: t('network.partners.agreementTitle'), dataIndex: 'title', key: 'title' },
                { title: t('network.partners.validity'), key: 'valid', render: (_, a) => `${a.validFrom} ~ ${a.validUntil}` },
                { title: t('network.field.status'), key: 'state', render: (_, a) => <AgreementStateTag agreement={a} /> },
                ...(canManage ? [{ key: 'x', width: 50, render: (_: unknown, a: Agreement) => (
                  <ConfirmDeleteButton confirm={t('network.partners.removeConfirm')} label={t('network.partners.remove')}
                    onConfirm={() => remove(() => partnerApi.removeAgreement(p.id, a.id))} />
                ) }] : []),
              ]} />
            {canManage ? (
              <Form form={agreementForm} layout="inline" name="agreementForm" style={{ marginTop: 12, rowGap: 8 }}>
                {agreement.error ? <Alert type="error" showIcon title={agreement.error} style={{ width: '100%', marginBottom: 8 }} /> : null}
                <Form.Item name="title" rules={[{ required: true, max: 120 }]}><Input placeholder={t('network.partners.agreementTitle')} style={{ width: 160 }} /></Form.Item>
                <Form.Item name="signedOn" rules={[{ required: true }]}><DatePicker placeholder={t('network.partners.signedOn')} style={{ width: 130 }} /></Form.Item>
                <Form.Item name="validFrom" rules={[{ required: true }]}><DatePicker placeholder={t('network.partners.validFrom')} style={{ width: 130 }} /></Form.Item>
                <Form.Item name="validUntil" rules={[{ required: true }]}><DatePicker placeholder={t('network.partners.validUntil')} style={{ width: 130 }} /></Form.Item>
                <Button onClick={() => void addAgreement().catch(() => undefined)} loading={agreement.submitting}>{t('network.partners.add')}</Button>
              </Form>
            ) : null}
          </Card>
        </Space>
      ) : null}
    </DetailDrawer>
  );
}
