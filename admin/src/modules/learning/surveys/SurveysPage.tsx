import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { useProblemText } from '../../../core/api/useProblemText';
import { useQuery } from '../../../core/api/useQuery';
import { useAuth } from '../../../core/auth/useAuth';
import { formatDateTime } from '../../../core/format/datetime';
import { PAGE_SIZE_OPTIONS, useUrlListState, type FilterValues } from '../../../core/hooks/useUrlState';
import { PageContainer } from '../../../core/ui/PageContainer';
import { STATUS_COLOR, SURVEY_PERMISSIONS, surveyApi } from './surveyApi';
import { useSurveyT } from './surveyText';
import type { SurveyListQuery, SurveyStatus, SurveySummary } from './surveyTypes';

const FILTER_KEYS = ['q', 'status'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

/** 学习需求调查: surveys in or covering the caller's scope, with the actions the server allows on each. */
export default function SurveysPage() {
  const t = useSurveyT();
  const problemText = useProblemText();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { can } = useAuth();
  const { filters, page, pageSize, setFilters, setPage } = useUrlListState(FILTER_KEYS);
  const query = useMemo<SurveyListQuery>(() => ({ page, pageSize, q: filters.q, status: filters.status as SurveyStatus | undefined }), [page, pageSize, filters]);
  const list = useQuery(JSON.stringify(query), (signal) => surveyApi.list(query, signal));
  const [filterForm] = Form.useForm<FilterValues<FilterKey>>();

  useEffect(() => {
    filterForm.setFieldsValue({ q: undefined, status: undefined, ...filters });
  }, [filterForm, filters]);

  const act = async (action: 'publish' | 'close' | 'remove', s: SurveySummary) => {
    try {
      if (action === 'publish') await surveyApi.publish(s.id, s.version);
      else if (action === 'close') await surveyApi.close(s.id, s.version);
      else await surveyApi.remove(s.id);
      message.success(t(`done.${action}`));
    } catch (error) {
      message.error(problemText(error));
    }
    list.reload();
  };

  const columns: ColumnsType<SurveySummary> = [
    { title: t('editor.title'), key: 'title', render: (_, s) => <Link to={`/learning/surveys/${s.id}/results`}>{s.title}</Link> },
    {
      title: t('region'), key: 'region',
      render: (_, s) => (s.villages.length > 0 ? `${s.regionName} · ${s.villages.map((v) => v.name).join('、')}` : s.regionName),
    },
    { title: t('status'), key: 'status', render: (_, s) => <Tag color={STATUS_COLOR[s.status]}>{t(`status.${s.status}`)}</Tag> },
    { title: t('window'), key: 'window', render: (_, s) => `${formatDateTime(s.opensAt)} – ${formatDateTime(s.closesAt)}` },
    { title: t('questionCount'), dataIndex: 'questionCount', key: 'questions', align: 'right' },
    { title: t('respondents'), dataIndex: 'respondents', key: 'respondents', align: 'right' },
    {
      title: t('actions'), key: 'actions', fixed: 'right',
      render: (_, s) => (
        <Space size="small" wrap>
          <Button type="link" size="small" onClick={() => navigate(`/learning/surveys/${s.id}/results`)}>{t('results')}</Button>
          {s.abilities.edit ? <Button type="link" size="small" onClick={() => navigate(`/learning/surveys/${s.id}/edit`)} data-testid={`survey-edit-${s.id}`}>{t('edit')}</Button> : null}
          {s.abilities.publish ? (
            <Popconfirm title={t('confirm.publish')} onConfirm={() => act('publish', s)}>
              <Button type="link" size="small" data-testid={`survey-publish-${s.id}`}>{t('publish')}</Button>
            </Popconfirm>
          ) : null}
          {s.abilities.close ? (
            <Popconfirm title={t('confirm.close')} onConfirm={() => act('close', s)}>
              <Button type="link" size="small" data-testid={`survey-close-${s.id}`}>{t('close')}</Button>
            </Popconfirm>
          ) : null}
          {s.abilities.delete ? (
            <Popconfirm title={t('confirm.remove')} onConfirm={() => act('remove', s)}>
              <Button type="link" size="small" danger>{t('remove')}</Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <PageContainer title={t('title')} description={t('description')}
      extra={can(SURVEY_PERMISSIONS.manage) ? (
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate('/learning/surveys/new')} data-testid="survey-create">{t('create')}</Button>
      ) : null}>
      <Form form={filterForm} layout="inline" onFinish={() => setFilters(filterForm.getFieldsValue())} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="q" label={t('search')}><Input allowClear style={{ width: 200 }} /></Form.Item>
        <Form.Item name="status" label={t('status')}>
          <Select allowClear style={{ width: 140 }} onChange={() => setFilters(filterForm.getFieldsValue())}
            options={(['draft', 'published', 'closed'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        </Form.Item>
        <Form.Item><Button htmlType="submit">{t('search')}</Button></Form.Item>
      </Form>
      {list.error ? <Alert type="error" showIcon message={problemText(list.error)} style={{ marginBottom: 16 }} /> : null}
      <Table<SurveySummary> rowKey="id" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} scroll={{ x: 900 }}
        data-testid="surveys-table"
        pagination={{
          current: page, pageSize, total: list.data?.total ?? 0, pageSizeOptions: PAGE_SIZE_OPTIONS, showSizeChanger: true,
          onChange: (p, size) => setPage(p, size),
        }} />
    </PageContainer>
  );
}
