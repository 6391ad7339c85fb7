import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useProblemText } from '../../core/api/useProblemText';
import { formatDateTime } from '../../core/format/datetime';
import { useUrlList } from '../../core/hooks/useUrlList';
import type { TFunction } from '../../core/i18n/I18nProvider';
import { useT } from '../../core/i18n/useT';
import { ListPage } from '../../core/ui/ListPage';
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
  const list = useUrlList(JOB_FILTER_KEYS, (query, signal) => jobsApi.list(query, signal));
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
    <ListPage
      title={t('content.jobs.title')}
      description={t('content.jobs.description')}
      actions={
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')} data-testid="job-create">
          {t('content.jobs.create')}
        </Button>
      }
      filters={<JobFilters value={list.filters} onChange={list.setFilters} />}
      list={list}
      table={{ rowKey: 'id', columns, scroll: { x: 1000 }, testId: 'jobs-table' }}
    >
      <JobFormModal
        job={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          message.success(t('common.saved'));
          setEditing(null);
          list.reload();
        }}
      />
    </ListPage>
  );
}
