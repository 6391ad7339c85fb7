import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, List, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useProblemText } from '../../../core/api/useProblemText';
import { useQuery } from '../../../core/api/useQuery';
import { formatDateTime } from '../../../core/format/datetime';
import { useECharts } from '../../../core/hooks/useECharts';
import type { ChartOption } from '../../../core/hooks/echarts';
import { PageContainer } from '../../../core/ui/PageContainer';
import { STATUS_COLOR, surveyApi } from './surveyApi';
import { breakdownChart, optionChart } from './surveyCharts';
import { useSurveyT, type SurveyT } from './surveyText';
import type { Group, SurveyResults } from './surveyTypes';

type Question = SurveyResults['questions'][number];
type View = 'option' | 'town' | 'age';

function Chart({ option, summary, height, testId }: { option: ChartOption; summary: string; height: number; testId: string }) {
  const ref = useECharts<HTMLDivElement>(option);
  return <div ref={ref} role="img" aria-label={summary} style={{ width: '100%', height }} data-testid={testId} />;
}

interface BreakdownRow { key: string; group: string; answered: number; [optionId: string]: string | number }

/** The per-group table: one row per town or age group, a column per option with count and percentage. */
function breakdownTable(t: SurveyT, q: Question, groups: Group[], pick: 'byTown' | 'byAge') {
  const rows: BreakdownRow[] = groups.map((g) => {
    const row: BreakdownRow = { key: g.key, group: g.label, answered: 0 };
    for (const o of q.options) {
      const cell = o[pick].find((c) => c.key === g.key);
      row[o.id] = cell ? `${cell.count}（${cell.percent}%）` : '0';
      row.answered = cell?.answered ?? row.answered;
    }
    return row;
  });
  const columns: ColumnsType<BreakdownRow> = [
    { title: pick === 'byTown' ? t('results.byTown') : t('results.byAge'), dataIndex: 'group', key: 'group', fixed: 'left' },
    { title: t('respondents'), dataIndex: 'answered', key: 'answered', align: 'right' },
    ...q.options.map((o) => ({ title: o.label, dataIndex: o.id, key: o.id, align: 'right' as const })),
  ];
  return { rows, columns };
}

function QuestionResult({ q, index, results }: { q: Question; index: number; results: SurveyResults }) {
  const t = useSurveyT();
  const [view, setView] = useState<View>('option');
  const [asTable, setAsTable] = useState(false);
  const title = `${index + 1}. ${q.title}`;
  if (q.kind === 'text') {
    return (
      <Card size="small" title={title} extra={<Typography.Text type="secondary">{t('results.answered', { count: q.answered })}</Typography.Text>}>
        <Typography.Text strong>{t('results.texts', { count: q.textTotal })}</Typography.Text>
        <List size="small" dataSource={q.texts} locale={{ emptyText: t('results.noTexts') }} style={{ maxHeight: 360, overflow: 'auto' }}
          renderItem={(x) => <List.Item extra={<Typography.Text type="secondary">{formatDateTime(x.submittedAt)}</Typography.Text>}>{x.text}</List.Item>} />
      </Card>
    );
  }
  const summary = t('results.summary', { title: q.title, items: q.options.map((o) => `${o.label} ${o.count}（${o.percent}%）`).join('；') });
  const groups = view === 'town' ? results.towns : results.ageGroups;
  const pick = view === 'town' ? 'byTown' as const : 'byAge' as const;
  const optionColumns: ColumnsType<Question['options'][number]> = [
    { title: t('results.option'), dataIndex: 'label', key: 'label' },
    { title: t('results.count'), dataIndex: 'count', key: 'count', align: 'right' },
    { title: t('results.percent'), key: 'percent', align: 'right', render: (_, o) => `${o.percent}%` },
  ];
  const table = view === 'option' ? null : breakdownTable(t, q, groups, pick);
  return (
    <Card size="small" title={title} data-testid={`survey-result-${index}`}
      extra={(
        <Space wrap>
          <Typography.Text type="secondary">{t('results.answered', { count: q.answered })}</Typography.Text>
          <Segmented size="small" value={view} onChange={(v) => setView(v as View)}
            options={[{ value: 'option', label: t('results.byOption') }, { value: 'town', label: t('results.byTown') }, { value: 'age', label: t('results.byAge') }]} />
          <Segmented size="small" value={asTable ? 'table' : 'chart'} onChange={(v) => setAsTable(v === 'table')}
            options={[{ value: 'chart', label: t('results.chart') }, { value: 'table', label: t('results.table') }]} />
        </Space>
      )}>
      {asTable ? (
        view === 'option'
          ? <Table size="small" rowKey="id" columns={optionColumns} dataSource={q.options} pagination={false} />
          : <Table<BreakdownRow> size="small" rowKey="key" columns={table!.columns} dataSource={table!.rows} pagination={false} scroll={{ x: 'max-content' }} />
      ) : (
        <Chart option={view === 'option' ? optionChart(q) : breakdownChart(q, groups, pick)} summary={summary}
          height={view === 'option' ? Math.max(160, q.options.length * 44) : 300} testId={`survey-chart-${index}`} />
      )}
    </Card>
  );
}

/** Results of one survey over the respondents in the caller's scope: charts and tables by option, town and age group. */
export default function SurveyResultsPage() {
  const t = useSurveyT();
  const problemText = useProblemText();
  const navigate = useNavigate();
  const { id } = useParams<{ id: string }>();
  const results = useQuery(id ? `survey-results-${id}` : null, (signal) => surveyApi.results(id!, signal));
  const data = results.data;
  return (
    <PageContainer title={data ? t('results.title', { title: data.survey.title }) : t('results')}
      description={t('results.scopeNote')}
      extra={(
        <>
          <Button onClick={() => navigate('/learning/surveys')}>{t('back')}</Button>
          {id ? <Button icon={<DownloadOutlined aria-hidden />} href={surveyApi.exportUrl(id)} download data-testid="survey-export">{t('export')}</Button> : null}
        </>
      )}>
      {results.error ? <Alert type="error" showIcon message={problemText(results.error)} style={{ marginBottom: 16 }} /> : null}
      {data ? (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Flex gap={12} align="center" wrap>
            <Tag color={STATUS_COLOR[data.survey.status]}>{t(`status.${data.survey.status}`)}</Tag>
            <Typography.Text>{data.survey.regionName}</Typography.Text>
            <Typography.Text strong data-testid="survey-respondents">{t('results.respondents', { count: data.respondents })}</Typography.Text>
          </Flex>
          {data.respondents === 0 ? <Empty description={t('results.empty')} /> : null}
          {data.questions.map((q, i) => <QuestionResult key={q.id} q={q} index={i} results={data} />)}
        </Space>
      ) : null}
    </PageContainer>
  );
}
