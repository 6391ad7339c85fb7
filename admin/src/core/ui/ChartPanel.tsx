import { Flex, Segmented, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { ChartOption } from '../hooks/echarts';
import { useECharts } from '../hooks/useECharts';
import { useT } from '../i18n/useT';

interface Props<Row> {
  title: string;
  option: ChartOption;
  /** The chart in words, for screen readers (the canvas is an image). */
  summary: string;
  columns: ColumnsType<Row>;
  rows: Row[];
  rowKey: (row: Row) => string;
  testId: string;
  height?: number;
}

function Chart({ option, summary, testId, height }: { option: ChartOption; summary: string; testId: string; height: number }) {
  const ref = useECharts<HTMLDivElement>(option);
  return <div ref={ref} role="img" aria-label={summary} style={{ width: '100%', height }} data-testid={testId} />;
}

/**
 * A chart with its text alternative: a one-line summary for screen readers and a table view of the same numbers.
 * Shared by the dashboards of every module (network, learning).
 */
export function ChartPanel<Row extends object>({ title, option, summary, columns, rows, rowKey, testId, height = 280 }: Props<Row>) {
  const t = useT();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <section aria-label={title}>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>{title}</Typography.Title>
        <Segmented size="small" value={view} onChange={(v) => setView(v as 'chart' | 'table')} data-testid={`${testId}-view`}
          options={[{ value: 'chart', label: t('common.chart') }, { value: 'table', label: t('common.table') }]} />
      </Flex>
      {view === 'chart' ? (
        <Chart option={option} summary={summary} testId={testId} height={height} />
      ) : (
        <Table<Row> size="small" rowKey={rowKey} columns={columns} dataSource={rows} pagination={false} scroll={{ y: height - 40 }}
          data-testid={`${testId}-table`} />
      )}
    </section>
  );
}
