import { LegendComponent } from 'echarts/components';
import { echarts, type ChartOption } from '../../../core/hooks/echarts';
import type { Group, SurveyResults } from './surveyTypes';

// The breakdown charts need a legend; the shared set registers only what other screens draw.
echarts.use([LegendComponent]);

type Question = SurveyResults['questions'][number];

/** Horizontal bars of one question's options (count, with the percentage in the label). */
export function optionChart(q: Question): ChartOption {
  const options = [...q.options].reverse();
  return {
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: options.map((o) => o.label), axisLabel: { width: 180, overflow: 'truncate' } },
    series: [{
      type: 'bar', data: options.map((o) => o.count), barMaxWidth: 28,
      label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => `${options[p.dataIndex].count}（${options[p.dataIndex].percent}%）` },
    }],
  };
}

/** One question's options stacked per group (town or age group): how each group answered. */
export function breakdownChart(q: Question, groups: Group[], pick: 'byTown' | 'byAge'): ChartOption {
  return {
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { type: 'scroll', top: 0 },
    xAxis: { type: 'category', data: groups.map((g) => g.label), axisLabel: { interval: 0, rotate: groups.length > 5 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: q.options.map((o) => ({
      name: o.label, type: 'bar', stack: 'answers', barMaxWidth: 36,
      data: groups.map((g) => o[pick].find((c) => c.key === g.key)?.count ?? 0),
    })),
  };
}
