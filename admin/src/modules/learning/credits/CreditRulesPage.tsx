import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, InputNumber, Popconfirm, Select, Space, Switch, Table, Tag } from 'antd';
import { ModalForm } from '../../../core/ui/ModalForm';
import { useEffect, useState } from 'react';
import { useProblemText } from '../../../core/api/useProblemText';
import { useQuery } from '../../../core/api/useQuery';
import { PageContainer } from '../../../core/ui/PageContainer';
import { useFormSubmit } from '../../../core/api/useFormSubmit';
import { creditsApi, RULE_CATEGORIES, type CreditRule, type RuleFields } from './creditsApi';
import { useCreditsT } from './creditsText';

const FIELDS = ['name', 'category', 'creditsRequired', 'awardTitle', 'active'] as const;

const fieldsOf = (r: CreditRule): RuleFields => ({ name: r.name, category: r.category, creditsRequired: r.creditsRequired, awardTitle: r.awardTitle, active: r.active });

/** 学分转换规则 (city admins): list, create, edit and deactivate the rules the credit bank applies automatically. */
export default function CreditRulesPage() {
  const t = useCreditsT();
  const problemText = useProblemText();
  const { message } = App.useApp();
  const list = useQuery('learning-credit-rules', (signal) => creditsApi.rules(signal));
  const [editing, setEditing] = useState<CreditRule | null | undefined>(undefined);
  const [form] = Form.useForm<RuleFields>();
  const { run, submitting, error, clearError } = useFormSubmit(form, FIELDS);
  const rules = list.data?.items ?? [];

  useEffect(() => {
    if (editing === undefined) return;
    clearError();
    form.resetFields();
    form.setFieldsValue(editing ? fieldsOf(editing) : { category: 'digital', creditsRequired: 20, active: true });
  }, [editing, form, clearError]);

  const save = async () => {
    const v = await form.validateFields();
    const body: RuleFields = { name: v.name, category: v.category, creditsRequired: v.creditsRequired, awardTitle: v.awardTitle, active: v.active ?? true };
    const saved = await run(() => (editing ? creditsApi.update(editing.id, { ...body, version: editing.version }) : creditsApi.create(body)));
    if (saved) {
      message.success(t('saved'));
      setEditing(undefined);
      list.reload();
    }
  };

  const toggle = async (r: CreditRule) => {
    try {
      await creditsApi.update(r.id, { ...fieldsOf(r), active: !r.active, version: r.version });
      message.success(t('saved'));
    } catch (failure) {
      message.error(problemText(failure));
    }
    list.reload();
  };

  return (
    <PageContainer title={t('title')} description={t('description')}
      extra={<Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing(null)} data-testid="credit-rule-create">{t('create')}</Button>}>
      {list.error ? <Alert type="error" showIcon title={problemText(list.error)} /> : null}
      <Table<CreditRule> rowKey="id" dataSource={rules} loading={list.loading} pagination={false} size="middle" data-testid="credit-rules-table" scroll={{ x: 720 }}
        columns={[
          { title: t('name'), dataIndex: 'name', key: 'name' },
          { title: t('category'), key: 'category', render: (_, r) => t(`category.${r.category}`) },
          { title: t('creditsRequired'), dataIndex: 'creditsRequired', key: 'creditsRequired' },
          { title: t('awardTitle'), dataIndex: 'awardTitle', key: 'awardTitle' },
          { title: t('active'), key: 'active', render: (_, r) => (r.active ? <Tag color="green">{t('activeOn')}</Tag> : <Tag>{t('activeOff')}</Tag>) },
          { title: t('awarded'), dataIndex: 'awarded', key: 'awarded' },
          { title: t('version'), dataIndex: 'version', key: 'version' },
          {
            title: t('actions'), key: 'actions', render: (_, r) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setEditing(r)}>{t('edit')}</Button>
                {r.active
                  ? <Popconfirm title={t('deactivateConfirm')} onConfirm={() => void toggle(r)}><Button type="link" size="small" danger>{t('deactivate')}</Button></Popconfirm>
                  : <Button type="link" size="small" onClick={() => void toggle(r)}>{t('activate')}</Button>}
              </Space>
            ),
          },
        ]} />
      <ModalForm open={editing !== undefined} title={editing ? t('edit') : t('create')} form={form} name="creditRuleForm"
        onOk={() => void save().catch(() => undefined)} onCancel={() => setEditing(undefined)} submitting={submitting} error={error} testId="credit-rule-form">
        <Form.Item name="name" label={t('name')} rules={[{ required: true, max: 100 }]}><Input placeholder="数字技能 20 学分" /></Form.Item>
        <Form.Item name="category" label={t('category')} rules={[{ required: true }]}>
          <Select options={RULE_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
        </Form.Item>
        <Form.Item name="creditsRequired" label={t('creditsRequired')} rules={[{ required: true }]}><InputNumber min={0.1} max={10000} step={1} precision={1} /></Form.Item>
        <Form.Item name="awardTitle" label={t('awardTitle')} rules={[{ required: true, max: 100 }]}><Input placeholder="青溪市数字技能证书" /></Form.Item>
        <Form.Item name="active" label={t('active')} valuePropName="checked"><Switch checkedChildren={t('activeOn')} unCheckedChildren={t('activeOff')} /></Form.Item>
      </ModalForm>
    </PageContainer>
  );
}
