import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useProblemText } from '../../core/api/useProblemText';
import { useQuery } from '../../core/api/useQuery';
import { formatDateTime } from '../../core/format/datetime';
import { PAGE_SIZE_OPTIONS, useUrlListState } from '../../core/hooks/useUrlState';
import type { TFunction } from '../../core/i18n/I18nProvider';
import { useT } from '../../core/i18n/useT';
import { PageContainer } from '../../core/ui/PageContainer';
import { jobsApi } from './api';
import { JOB_FILTER_KEYS, JobFilters } from './JobFilters';
import { JobFormModal } from './JobFormModal';
import { JobStatusTag } from './labels';
import type { Job } from './types';

function salaryText(t: TFunction, job: Job): string {
  if (job.salaryMin === null && job.salaryMax === null) return t('content.jobs.salaryNegotiable');
  if (job.salaryMin !== null && job.salaryMax !== null) return `¥${job.salaryMin}–${job.salaryMax}`;
  return job.salaryMin !== null ? `¥${job.salaryMin}+` : `≤ ¥${job.salaryMax}`;
}

/** 招聘管理: the postings in the caller's scope (an employer's account: its own), with their form. */
export default function JobsPage() {
  const t = useT();
  const problemText = useProblemText();
  const { message } = App.useApp();
  const { filters, page, pageSize, setFilters, setPage } = useUrlListState(JOB_FILTER_KEYS);
  const query = useMemo(() => ({ page, pageSize, ...filters }), [page, pageSize, filters]);
  const list = useQuery(JSON.stringify(query), (signal) => jobsApi.list(query, signal));
  const [editing, setEditing] = useState<Job | 'new' | null>(null);

  const step = async (job: Job, action: 'publish' | 'withdraw') => {
    try {
      await (action === 'publish' ? jobsApi.publish(job.id) : jobsApi.withdraw(job.id));
      message.success(t(`content.jobs.done.${action}`));
      list.reload();
    } catch (failure) {
      message.error(problemText(failure));
    }
  };

  const columns: TableColumnsType<Job> = [
    {
      title: t('content.jobs.position'),
      dataIndex: 'position',
      width: 240,
      render: (position: string, job) => (
        <span>
          <Typography.Text strong>{position}</Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {job.employerName}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('content.jobs.region'),
      key: 'region',
      width: 150,
      render: (_: unknown, job) => (job.region.townName && job.region.townName !== job.region.name ? `${job.region.townName} · ${job.region.name}` : job.region.name),
    },
    { title: t('content.jobs.headcount'), dataIndex: 'headcount', width: 70, align: 'right' },
    { title: t('content.jobs.salary'), key: 'salary', width: 130, render: (_: unknown, job) => salaryText(t, job) },
    {
      title: t('content.jobs.validUntil'),
      dataIndex: 'validUntil',
      width: 130,
      render: (value: string, job) => (
        <span>
          {value}
          {job.expired ? <Tag style={{ marginInlineStart: 6 }}>{t('content.jobs.expired')}</Tag> : null}
        </span>
      ),
    },
    { title: t('content.field.status'), dataIndex: 'status', width: 86, render: (_: unknown, job) => <JobStatusTag status={job.status} /> },
    { title: t('content.jobs.updatedAt'), dataIndex: 'updatedAt', width: 160, render: (v: string) => formatDateTime(v) },
    {
      title: t('content.jobs.actions'),
      key: 'actions',
      width: 170,
      fixed: 'right',
      render: (_: unknown, job) => (
        <Flex gap={4} wrap>
          {job.abilities.edit ? (
            <Button size="small" type="link" onClick={() => setEditing(job)}>
              {t('content.edit')}
            </Button>
          ) : null}
          {job.abilities.publish ? (
            <Popconfirm title={t('content.jobs.publishConfirm')} okText={t('content.jobs.publish')} cancelText={t('common.cancel')} onConfirm={() => step(job, 'publish')}>
              <Button size="small" type="link" data-testid="job-publish">
                {t('content.jobs.publish')}
              </Button>
            </Popconfirm>
          ) : null}
          {job.abilities.withdraw ? (
            <Popconfirm title={t('content.jobs.withdrawConfirm')} okText={t('content.jobs.withdraw')} cancelText={t('common.cancel')} onConfirm={() => step(job, 'withdraw')}>
              <Button size="small" type="link" danger data-testid="job-withdraw">
                {t('content.jobs.withdraw')}
              </Button>
            </Popconfirm>
          ) : null}
          {job.status === 'published' ? (
            <a href={`/jobs/${encodeURIComponent(job.id)}`} target="_blank" rel="noreferrer" style={{ padding: '0 7px', lineHeight: '24px' }}>
              {t('content.view')}
            </a>
          ) : null}
        </Flex>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('content.jobs.title')}
      description={t('content.jobs.description')}
      extra={
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')} data-testid="job-create">
          {t('content.jobs.create')}
        </Button>
      }
    >
      <Card>
        <JobFilters value={filters} onChange={setFilters} />
        {list.error ? <Alert type="error" showIcon title={problemText(list.error)} style={{ marginTop: 16 }} /> : null}
        <Table<Job>
          style={{ marginTop: 16 }}
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          scroll={{ x: 1000 }}
          size="middle"
          data-testid="jobs-table"
          pagination={{
            current: list.data?.page ?? page,
            pageSize: list.data?.pageSize ?? pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZE_OPTIONS,
            showTotal: (total) => t('common.total', { total }),
            onChange: setPage,
          }}
        />
      </Card>
      <JobFormModal
        job={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          message.success(t('common.saved'));
          setEditing(null);
          list.reload();
        }}
      />
    </PageContainer>
  );
}
