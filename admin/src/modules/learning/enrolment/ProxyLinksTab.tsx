import { Alert, App, Button, Card, Form, Input, Popconfirm, Space, Table, Tag } from 'antd';
import { useProblemText } from '../../../core/api/useProblemText';
import { useQuery } from '../../../core/api/useQuery';
import { shanghaiText } from '../catalogue/catalogueApi';
import { ConsentFields } from './ConsentFields';
import { enrolmentApi, type ConsentMethod, type ProxyLink } from './enrolmentApi';
import { useEnrolmentT } from './enrolmentText';

interface LinkValues { idNumber: string; proxyUsername: string; method: ConsentMethod; note?: string; at: { toISOString(): string } }

/** Family members a senior authorised (seen by staff, consent recorded) to enrol them from their own account. */
export function ProxyLinksTab() {
  const t = useEnrolmentT();
  const problemText = useProblemText();
  const { message } = App.useApp();
  const [form] = Form.useForm<LinkValues>();
  const links = useQuery('proxy-links', (signal) => enrolmentApi.proxyLinks(signal));

  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
      message.success(t('saved'));
      links.reload();
      return true;
    } catch (failure) {
      message.error(problemText(failure));
      return false;
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {links.error ? <Alert type="error" showIcon title={problemText(links.error)} /> : null}
      <Table<ProxyLink> rowKey="id" size="small" loading={links.loading} dataSource={links.data?.items ?? []} pagination={false} data-testid="proxy-links"
        columns={[
          { title: t('resident'), dataIndex: 'residentName' },
          { title: t('proxy'), key: 'proxy', render: (_, l) => `${l.proxyName}（${l.proxyUsername}）` },
          { title: t('consent'), key: 'consent', render: (_, l) => `${t(`consent.${l.consentMethod}`)} · ${shanghaiText(l.consentAt)}${l.consentNote ? ` · ${l.consentNote}` : ''}` },
          { title: t('actions'), key: 'actions', render: (_, l) => (l.revokedAt ? <Tag>{t('revoked')}</Tag>
            : <Popconfirm title={t('revoke')} onConfirm={() => run(() => enrolmentApi.revokeProxyLink(l.id))}><Button size="small" danger>{t('revoke')}</Button></Popconfirm>) },
        ]} />
      <Card title={t('addLink')} size="small">
        <Form form={form} layout="vertical" style={{ maxWidth: 480 }} data-testid="proxy-link-form"
          onFinish={async (v) => { if (await run(() => enrolmentApi.createProxyLink({ idNumber: v.idNumber.trim(), proxyUsername: v.proxyUsername.trim(), consent: { method: v.method, note: v.note ?? '', at: v.at.toISOString() } }))) form.resetFields(); }}>
          <Form.Item name="idNumber" label={t('residentIdNumber')} rules={[{ required: true, min: 18, max: 18 }]}><Input autoComplete="off" /></Form.Item>
          <Form.Item name="proxyUsername" label={t('proxyUsername')} rules={[{ required: true }]}><Input autoComplete="off" /></Form.Item>
          <ConsentFields />
          <Button type="primary" htmlType="submit">{t('submit')}</Button>
        </Form>
      </Card>
    </Space>
  );
}
