import { Alert, App, Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useProblemText } from '../../../core/api/useProblemText';
import { useQuery } from '../../../core/api/useQuery';
import { useAuth } from '../../../core/auth/useAuth';
import { catalogueApi, shanghaiText } from '../catalogue/catalogueApi';
import { ExportButton } from '../../../core/ui/ExportButton';
import { ConsentFields } from './ConsentFields';
import { enrolmentApi, ENROLMENT_STATUSES, type ConsentMethod, type EnrolmentStatus, type RosterItem } from './enrolmentApi';
import { useEnrolmentT } from './enrolmentText';

interface ProxyValues { idNumber: string; method: ConsentMethod; note?: string; at: { toISOString(): string } }

/** A class's roster (seat holders, offers, the waitlist in order) with staff cancel, and the 代办 form for the class. */
export function RosterTab() {
  const t = useEnrolmentT();
  const problemText = useProblemText();
  const { message } = App.useApp();
  const { can } = useAuth();
  const [q, setQ] = useState('');
  const [classId, setClassId] = useState<string | null>(null);
  const [status, setStatus] = useState<EnrolmentStatus | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [form] = Form.useForm<ProxyValues>();
  const classes = useQuery(`enrol-classes-${q}`, (signal) => catalogueApi.classes({ q, status: 'open', pageSize: 50 }, signal));
  const roster = useQuery(classId ? `roster-${classId}-${status ?? ''}-${page}` : null,
    (signal) => enrolmentApi.roster(classId!, { status, page, pageSize: 50 }, signal));
  const manage = can('learning.enrolment.manage');

  const cancel = async (row: RosterItem) => {
    try {
      await enrolmentApi.cancel(row.id);
      message.success(t('saved'));
      roster.reload();
    } catch (failure) {
      message.error(problemText(failure));
    }
  };
  const proxyEnrol = async (values: ProxyValues) => {
    try {
      const r = await enrolmentApi.proxyEnrol(classId!, { idNumber: values.idNumber.trim(), consent: { method: values.method, note: values.note ?? '', at: values.at.toISOString() } });
      message.success(r.status === 'enrolled' ? t('enrolledResult') : t('waitlistedResult', { position: r.waitlistPosition ?? 1 }));
      form.resetFields();
      roster.reload();
    } catch (failure) {
      message.error(problemText(failure));
    }
  };

  const r = roster.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Select showSearch style={{ width: '100%', maxWidth: 520 }} placeholder={t('pickClassHint')} aria-label={t('pickClass')} filterOption={false}
        onSearch={setQ} value={classId ?? undefined} onChange={(v: string) => { setClassId(v); setPage(1); }} data-testid="enrol-class-picker"
        options={(classes.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.title} · ${c.institutionName} · ${c.termName}` }))} />
      {roster.error ? <Alert type="error" showIcon title={problemText(roster.error)} /> : null}
      {r ? (
        <>
          <Space wrap>
            <Typography.Text strong>{t('seats', { taken: r.seatsTaken, seats: r.seats })}</Typography.Text>
            {ENROLMENT_STATUSES.map((s) => <Tag key={s}>{t(`status.${s}`)} {r.counts[s] ?? 0}</Tag>)}
            <Select style={{ width: 140 }} allowClear placeholder={t('all')} aria-label={t('status')} value={status}
              onChange={(v: EnrolmentStatus | undefined) => { setStatus(v); setPage(1); }}
              options={ENROLMENT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
            <ExportButton path={`/learning/classes/${classId}/roster.xlsx`} testId="enrol-roster-export" />
          </Space>
          <Table<RosterItem> rowKey="id" size="small" loading={roster.loading} dataSource={r.items} data-testid="enrol-roster"
            pagination={{ current: page, pageSize: 50, total: r.total, onChange: setPage, showSizeChanger: false }}
            scroll={{ x: 900 }} columns={[
              { title: t('name'), dataIndex: 'name' },
              { title: t('idNumber'), dataIndex: 'idNumber', render: (v: string | null) => v ?? '—' },
              { title: t('phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
              { title: t('status'), dataIndex: 'status', render: (v: EnrolmentStatus) => <Tag>{t(`status.${v}`)}</Tag> },
              { title: t('position'), dataIndex: 'waitlistPosition', render: (v: number | null) => v ?? '' },
              { title: t('deadline'), dataIndex: 'offerExpiresAt', render: (v: string | null) => (v ? shanghaiText(v) : '') },
              { title: t('source'), key: 'source', render: (_, row) => `${t(`source.${row.source}` as never)}${row.actedByName ? ` · ${row.actedByName}` : ''}${row.consentMethod ? ` · ${t(`consent.${row.consentMethod}`)}` : ''}` },
              ...(manage ? [{ title: t('actions'), key: 'actions', render: (_: unknown, row: RosterItem) => (['enrolled', 'offered', 'waitlisted'].includes(row.status)
                ? <Popconfirm title={t('cancelConfirm')} onConfirm={() => cancel(row)}><Button size="small" danger>{t('cancel')}</Button></Popconfirm> : null) }] : []),
            ]} />
          {manage ? (
            <Card title={t('proxyEnrol')} size="small">
              <Typography.Paragraph type="secondary">{t('proxyHint')}</Typography.Paragraph>
              <Form form={form} layout="vertical" onFinish={proxyEnrol} style={{ maxWidth: 480 }} data-testid="proxy-enrol-form">
                <Form.Item name="idNumber" label={t('residentIdNumber')} rules={[{ required: true, min: 18, max: 18 }]}><Input autoComplete="off" /></Form.Item>
                <ConsentFields />
                <Button type="primary" htmlType="submit">{t('submit')}</Button>
              </Form>
            </Card>
          ) : null}
        </>
      ) : null}
    </Space>
  );
}
