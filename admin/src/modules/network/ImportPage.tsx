import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Progress, Radio, Result, Steps, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useProblemText } from '../../core/api/useProblemText';
import { PERMISSIONS } from '../../core/auth/permissions';
import { useAuth } from '../../core/auth/useAuth';
import { useT } from '../../core/i18n/useT';
import { PageContainer } from '../../core/ui/PageContainer';
import { useUpload } from '../../core/hooks/useUpload';
import { importApi } from './importApi';
import { ImportErrorsTable } from './ImportErrorsTable';
import { RecentImports } from './RecentImports';
import { IMPORT_KINDS, type ImportJob, type ImportKind } from './importTypes';
import { useImportJob } from './useImportJob';

/** Who may import what: the permission the single-record form needs. */
const KIND_PERMISSION: Record<ImportKind, string> = {
  institutions: PERMISSIONS.networkInstitutionCreate,
  people: PERMISSIONS.networkStaffManage,
  partners: PERMISSIONS.networkPartnerManage,
};
const LIST_PATH: Record<ImportKind, string> = {
  institutions: '/network/institutions', people: '/network/people', partners: '/network/partners',
};
const XLSX = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function step(job: ImportJob | null): number {
  if (!job) return 0;
  if (job.status === 'validating' || job.status === 'invalid') return 1;
  if (job.status === 'ready') return 2;
  return 3;
}

function percent(job: ImportJob): number {
  return job.total > 0 ? Math.min(100, Math.floor((job.processed / job.total) * 100)) : 0;
}

/**
 * 导入: choose what to import, download the template, upload the filled workbook, see every bad row (nothing is
 * written until then), fix and upload again, then commit all rows at once.
 */
export default function ImportPage() {
  const t = useT();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const kinds = useMemo(() => IMPORT_KINDS.filter((k) => can(KIND_PERMISSION[k])), [can]);
  const asked = params.get('kind') as ImportKind | null;
  const kind: ImportKind | undefined = asked && kinds.includes(asked) ? asked : kinds[0];
  const { job, error, start } = useImportJob();
  const [committing, setCommitting] = useState(false);
  const { uploading, upload: sendFile } = useUpload(async (file) => {
    start(null);
    if (kind) start(await importApi.upload(kind, file));
  });
  // One thing at a time: an upload or a commit.
  const sending = uploading || committing;

  const upload = async (file: File) => {
    if (!kind) return;
    if (!file.name.toLowerCase().endsWith('.xlsx')) {
      message.error(t('network.import.notXlsx'));
      return;
    }
    await sendFile(file);
  };

  const commit = async () => {
    if (!job) return;
    setCommitting(true);
    try {
      start(await importApi.commit(job.id));
    } catch (failure) {
      message.error(problemText(failure));
    } finally {
      setCommitting(false);
    }
  };

  const open = async (id: string) => {
    try {
      const opened = await importApi.get(id);
      setParams({ kind: opened.kind });
      start(opened);
    } catch (failure) {
      message.error(problemText(failure));
    }
  };

  const uploader = (again: boolean) => (
    <Upload accept={XLSX} showUploadList={false} multiple={false} beforeUpload={(file) => { void upload(file); return false; }}>
      <Button icon={<UploadOutlined aria-hidden />} loading={sending} type={again ? 'primary' : 'default'} data-testid="import-reupload">
        {again ? t('network.import.uploadFixed') : t('network.import.uploadAnother')}
      </Button>
    </Upload>
  );

  if (!kind) {
    return (
      <PageContainer title={t('network.import.title')}>
        <Card><Empty description={t('network.import.nothingAllowed')} /></Card>
      </PageContainer>
    );
  }

  return (
    <PageContainer title={t('network.import.title')} description={t('network.import.description')}>
      <Card>
        <Steps
          size="small"
          current={step(job)}
          status={job?.status === 'committed' ? 'finish' : job?.status === 'invalid' || job?.status === 'failed' ? 'error' : 'process'}
          style={{ marginBottom: 24 }}
          items={[
            { title: t('network.import.step.choose') },
            { title: t('network.import.step.check') },
            { title: t('network.import.step.commit') },
            { title: t('network.import.step.done') },
          ]}
        />
        <Flex vertical gap={16}>
          <Flex gap={12} wrap align="center">
            <Typography.Text strong id="import-kind-label">{t('network.import.kind')}</Typography.Text>
            <Radio.Group
              aria-labelledby="import-kind-label"
              optionType="button"
              buttonStyle="solid"
              value={kind}
              disabled={sending || (job !== null && job.status === 'committing')}
              onChange={(e) => { start(null); setParams({ kind: e.target.value as string }); }}
              options={kinds.map((k) => ({ value: k, label: t(`network.import.kind.${k}`) }))}
              data-testid="import-kind"
            />
            <Button icon={<DownloadOutlined aria-hidden />} href={importApi.templateUrl(kind)} download data-testid="import-template">
              {t('network.import.template')}
            </Button>
          </Flex>

          {!job ? (
            <div data-testid="import-upload">
              <Upload.Dragger accept={XLSX} showUploadList={false} multiple={false} disabled={sending}
                beforeUpload={(file) => { void upload(file); return false; }}>
                <p className="ant-upload-drag-icon"><InboxOutlined aria-hidden /></p>
                <p className="ant-upload-text">{t('network.import.drop')}</p>
                <p className="ant-upload-hint">{t('network.import.dropHint')}</p>
              </Upload.Dragger>
            </div>
          ) : null}

          {error ? <Alert type="error" showIcon title={problemText(error)} /> : null}

          {job ? (
            <div data-testid="import-job" data-status={job.status}>
              <Typography.Paragraph>
                {t('network.import.file', { name: job.fileName })}
              </Typography.Paragraph>
              {job.status === 'validating' || job.status === 'committing' ? (
                <div aria-live="polite">
                  <Typography.Text>{t(job.status === 'validating' ? 'network.import.validating' : 'network.import.committing')}</Typography.Text>
                  <Progress percent={percent(job)} status="active" data-testid="import-progress"
                    aria-label={t('network.import.progress', { processed: job.processed, total: job.total })} />
                  <Typography.Text type="secondary">{t('network.import.progress', { processed: job.processed, total: job.total })}</Typography.Text>
                </div>
              ) : null}
              {job.status === 'invalid' ? (
                <Flex vertical gap={12}>
                  <Alert type="error" showIcon data-testid="import-invalid"
                    title={t('network.import.invalid', { count: job.errorCount })}
                    description={t('network.import.invalidHint')} />
                  <ImportErrorsTable errors={job.errors} />
                  {job.errorCount > job.errors.length ? (
                    <Typography.Text type="secondary">{t('network.import.firstErrors', { shown: job.errors.length })}</Typography.Text>
                  ) : null}
                  <div>{uploader(true)}</div>
                </Flex>
              ) : null}
              {job.status === 'ready' ? (
                <Flex vertical gap={12}>
                  <Alert type="success" showIcon data-testid="import-ready" title={t('network.import.ready', { count: job.validRows })}
                    description={t('network.import.readyHint')} />
                  <Flex gap={8} wrap>
                    <Button type="primary" onClick={() => void commit()} loading={sending} data-testid="import-commit">
                      {t('network.import.commit')}
                    </Button>
                    {uploader(false)}
                  </Flex>
                </Flex>
              ) : null}
              {job.status === 'committed' ? (
                <Result status="success" data-testid="import-committed"
                  title={t('network.import.committed', { count: job.committed })}
                  extra={[
                    <Link key="list" to={LIST_PATH[job.kind]}><Button type="primary">{t('network.import.toList')}</Button></Link>,
                    <Button key="again" onClick={() => start(null)}>{t('network.import.another')}</Button>,
                  ]} />
              ) : null}
              {job.status === 'failed' ? (
                <Flex vertical gap={12}>
                  <Alert type="error" showIcon title={t('network.import.failed')} data-testid="import-failed" />
                  <div>{uploader(true)}</div>
                </Flex>
              ) : null}
            </div>
          ) : null}
        </Flex>
      </Card>
      <div style={{ marginTop: 16 }}>
        <RecentImports refreshKey={job ? `${job.id}:${job.status}` : ''} onOpen={(id) => void open(id)} />
      </div>
    </PageContainer>
  );
}
