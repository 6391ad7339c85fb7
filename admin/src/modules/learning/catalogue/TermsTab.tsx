import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Table } from 'antd';
import { ModalForm } from '../../../core/ui/ModalForm';
import { useEffect, useState } from 'react';
import { useProblemText } from '../../../core/api/useProblemText';
import { useQuery } from '../../../core/api/useQuery';
import { useAuth } from '../../../core/auth/useAuth';
import { useFormSubmit } from '../../../core/api/useFormSubmit';
import { catalogueApi, type Term, type TermFields } from './catalogueApi';
import { useCatalogueT } from './catalogueText';
import { LEARNING_PERMISSIONS } from './learningPermissions';

const FIELDS = ['name', 'startsOn', 'endsOn', 'enrolLimit', 'previousTermId'] as const;

/** 学期: the city's terms; only the city admin creates and edits them. */
export function TermsTab() {
  const t = useCatalogueT();
  const problemText = useProblemText();
  const { message } = App.useApp();
  const { can } = useAuth();
  const canManage = can(LEARNING_PERMISSIONS.termManage);
  const list = useQuery('learning-terms', (signal) => catalogueApi.terms(signal));
  const [editing, setEditing] = useState<Term | null | undefined>(undefined);
  const [form] = Form.useForm<TermFields>();
  const { run, submitting, error, clearError } = useFormSubmit(form, FIELDS);
  const terms = list.data?.items ?? [];

  useEffect(() => {
    if (editing === undefined) return;
    clearError();
    form.resetFields();
    form.setFieldsValue(editing ? { ...editing } : { enrolLimit: 3, previousTermId: terms[0]?.id ?? null });
  }, [editing, form, clearError, terms]);

  const save = async () => {
    const v = await form.validateFields();
    const body: TermFields = { name: v.name, startsOn: v.startsOn, endsOn: v.endsOn, enrolLimit: v.enrolLimit, previousTermId: v.previousTermId ?? null };
    const saved = await run(() => (editing ? catalogueApi.updateTerm(editing.id, body) : catalogueApi.createTerm(body)));
    if (saved) {
      message.success(t('saved'));
      setEditing(undefined);
      list.reload();
    }
  };

  return (
    <Card extra={canManage ? <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing(null)} data-testid="term-create">{t('createTerm')}</Button> : null}>
      {list.error ? <Alert type="error" showIcon title={problemText(list.error)} /> : null}
      <Table<Term> rowKey="id" dataSource={terms} loading={list.loading} pagination={false} size="middle" data-testid="terms-table" scroll={{ x: 600 }}
        columns={[
          { title: t('name'), dataIndex: 'name', key: 'name' },
          { title: t('startsOn'), dataIndex: 'startsOn', key: 'startsOn' },
          { title: t('endsOn'), dataIndex: 'endsOn', key: 'endsOn' },
          { title: t('enrolLimit'), dataIndex: 'enrolLimit', key: 'enrolLimit' },
          { title: t('previousTerm'), key: 'prev', render: (_, r) => terms.find((x) => x.id === r.previousTermId)?.name ?? t('none') },
          ...(canManage ? [{ title: t('actions'), key: 'actions', render: (_: unknown, r: Term) => <Button type="link" size="small" onClick={() => setEditing(r)}>{t('edit')}</Button> }] : []),
        ]} />
      <ModalForm open={editing !== undefined} title={editing ? t('edit') : t('createTerm')} form={form} name="termForm"
        onOk={() => void save().catch(() => undefined)} onCancel={() => setEditing(undefined)} submitting={submitting} error={error} testId="term-form">
        <Form.Item name="name" label={t('name')} rules={[{ required: true, max: 60 }]}><Input placeholder="2026年秋季学期" /></Form.Item>
        <Form.Item name="startsOn" label={t('startsOn')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
        <Form.Item name="endsOn" label={t('endsOn')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
        <Form.Item name="enrolLimit" label={t('enrolLimit')} rules={[{ required: true }]}><InputNumber min={1} max={50} precision={0} /></Form.Item>
        <Form.Item name="previousTermId" label={t('previousTerm')}>
          <Select allowClear options={terms.filter((x) => x.id !== editing?.id).map((x) => ({ value: x.id, label: x.name }))} />
        </Form.Item>
      </ModalForm>
    </Card>
  );
}
