import { Alert, App, Button, Card, Empty, Flex, Form, Input, InputNumber, Radio, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useProblemText } from '../../core/api/useProblemText';
import { useQuery } from '../../core/api/useQuery';
import { useAuth } from '../../core/auth/useAuth';
import { formatDateTime } from '../../core/format/datetime';
import { useLang, useT } from '../../core/i18n/useT';
import { useFormSubmit } from '../../core/api/useFormSubmit';
import { EvidenceField } from './EvidenceField';
import { gapApi } from './gapApi';
import type { GapReport } from './gapTypes';
import { GapReportView } from './GapReportView';
import { toFormRowErrors } from './listFieldErrors';
import { changedEntries, rowsFrom, type IndicatorRow } from './indicatorRows';
import { NETWORK_EXTRA_PERMISSIONS } from './networkPermissions';
import { indicatorValuesApi } from './standardsApi';
import { isStaleVersion } from '../../core/api/staleVersion';

const FIELDS = ['rows'] as const;
const ROW_FIELDS = ['value', 'evidenceNote', 'evidenceFileId'] as const;

/**
 * 指标填报: every indicator with its unit and current value, a number or yes/no, an evidence note and file.
 * Saves only what changed (all or nothing on the server); a stale version is a 409; the gap report follows.
 */
export function IndicatorValuesCard({ institutionId }: { institutionId: string }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const { can } = useAuth();
  const canRecord = can(NETWORK_EXTRA_PERMISSIONS.indicatorRecord);
  const values = useQuery(`indicators:${institutionId}`, (signal) => indicatorValuesApi.get(institutionId, signal));
  const [form] = Form.useForm<{ rows: IndicatorRow[] }>();
  const { run, submitting, error } = useFormSubmit(form, FIELDS);
  const [stale, setStale] = useState(false);
  const [report, setReport] = useState<GapReport | null>(null);
  const [fileNames, setFileNames] = useState<Record<string, string>>({});
  const items = useMemo(() => values.data?.items ?? [], [values.data]);
  const reportRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    form.setFieldsValue({ rows: rowsFrom(items) });
    const names: Record<string, string> = {};
    for (const i of items) if (i.evidenceFileId && i.evidenceFileName) names[i.evidenceFileId] = i.evidenceFileName;
    setFileNames((prev) => ({ ...prev, ...names }));
  }, [form, items]);

  const save = async ({ rows }: { rows: IndicatorRow[] }) => {
    const { entries, formIndex } = changedEntries(items, rows);
    if (entries.length === 0) {
      message.info(t('network.indicators.nothingChanged'));
      return;
    }
    setStale(false);
    setReport(null);
    // The last attempt's server errors would otherwise stay on fields that are fine now.
    form.setFields(items.flatMap((_, i) => ROW_FIELDS.map((f) => ({ name: ['rows', i, f], errors: [] }))));
    const saved = await run(async () => {
      try {
        return await indicatorValuesApi.put(institutionId, entries);
      } catch (failure) {
        if (isStaleVersion(failure)) {
          setStale(true);
          // The alert sits above a long form; say it where the eye is too.
          message.error(t('network.institutions.stale'));
        }
        throw toFormRowErrors(failure, 'values', 'rows', formIndex);
      }
    });
    if (!saved) return;
    message.success(t('common.saved'));
    values.reload();
    try {
      setReport(await gapApi.report(institutionId));
      window.requestAnimationFrame(() => reportRef.current?.scrollIntoView({ block: 'start' }));
    } catch (failure) {
      message.error(problemText(failure));
    }
  };

  if (values.error) {
    return <Alert type="error" showIcon title={problemText(values.error)} action={<Button size="small" onClick={values.reload}>{t('common.retry')}</Button>} />;
  }
  return (
    <Card size="small" title={t('network.indicators.title')} loading={values.loading && !values.data} data-testid="indicator-values">
      {stale ? (
        <Alert type="warning" showIcon title={t('network.institutions.stale')} style={{ marginBottom: 12 }} data-testid="indicator-stale"
          action={<Button size="small" onClick={() => { setStale(false); values.reload(); }}>{t('network.indicators.reload')}</Button>} />
      ) : error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="indicator-error" /> : null}
      {items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : (
        <Form form={form} name="indicatorValues" layout="vertical" onFinish={(v) => void save(v)} disabled={!canRecord}>
          {items.map((item, i) => {
            const name = lang === 'en' ? item.nameEn : item.nameZh;
            const label = item.unit && item.valueType === 'number' ? `${name}（${item.unit}）` : name;
            return (
              <div key={item.code} style={{ padding: '8px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }} data-testid={`indicator-row-${item.code}`}>
                <Flex gap={12} wrap align="flex-start">
                  <Form.Item name={['rows', i, 'value']} label={label} style={{ marginBottom: 4, minWidth: 200, flex: '1 1 200px' }}>
                    {item.valueType === 'boolean' ? (
                      <Radio.Group optionType="button" buttonStyle="solid" aria-label={name}
                        options={[{ value: true, label: t('network.gaps.yes') }, { value: false, label: t('network.gaps.no') }]} />
                    ) : (
                      <InputNumber min={0} style={{ width: '100%' }} aria-label={name} data-testid={`indicator-value-${item.code}`}
                        suffix={item.unit || undefined} />
                    )}
                  </Form.Item>
                  <Form.Item name={['rows', i, 'evidenceNote']} label={t('network.indicators.evidenceNote')} rules={[{ max: 1000 }]}
                    style={{ marginBottom: 4, flex: '2 1 220px' }}>
                    <Input placeholder={t('network.indicators.evidencePlaceholder')} />
                  </Form.Item>
                </Flex>
                <Flex gap={12} wrap align="center" justify="space-between">
                  <Form.Item name={['rows', i, 'evidenceFileId']} noStyle>
                    <EvidenceField institutionId={institutionId} disabled={!canRecord} testId={`indicator-evidence-${item.code}`}
                      names={fileNames}
                      onUploaded={(fileId, fileName) => setFileNames((prev) => ({ ...prev, [fileId]: fileName }))} />
                  </Form.Item>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {item.recordedAt ? t('network.indicators.recordedAt', { at: formatDateTime(item.recordedAt) }) : t('network.indicators.notRecorded')}
                  </Typography.Text>
                </Flex>
              </div>
            );
          })}
          {canRecord ? (
            <Button type="primary" htmlType="submit" loading={submitting} style={{ marginTop: 12 }} data-testid="indicator-save">
              {t('common.save')}
            </Button>
          ) : null}
        </Form>
      )}
      {report ? (
        <div ref={reportRef} style={{ marginTop: 16 }} data-testid="indicator-gap-report">
          <Typography.Title level={5}>{t('network.gaps.report')}</Typography.Title>
          <GapReportView report={report} />
        </div>
      ) : null}
    </Card>
  );
}
