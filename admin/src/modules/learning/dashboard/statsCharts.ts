import { PieChart } from 'echarts/charts';
import { LegendComponent } from 'echarts/components';
import { echarts, type ChartOption } from '../../../core/hooks/echarts';

// The category share is a pie with a legend; the shared set registers only bars (echarts.use is idempotent).
echarts.use([PieChart, LegendComponent]);

export interface ChartStyle { font: string; color: string }

const grid = { left: 8, right: 24, top: 24, bottom: 8, containLabel: true };

/** Vertical bars of one series over categories (towns, age groups), the value on top of each bar. */
export function barChart(labels: string[], values: Array<number | null>, name: string, style: ChartStyle, opts: { unit?: string; max?: number } = {}): ChartOption {
  return {
    grid, textStyle: { fontFamily: style.font },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, hideOverlap: true, rotate: labels.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: opts.unit ? undefined : 1, max: opts.max, name: opts.unit },
    series: [{ type: 'bar', name, data: values, barMaxWidth: 40, itemStyle: { color: style.color },
      label: { show: true, position: 'top', formatter: (p: { value: unknown }) => (p.value === null || p.value === undefined ? '' : String(p.value)) } }],
  };
}

/** Horizontal bars, longest on top: for long category names. */
export function horizontalBarChart(labels: string[], values: Array<number | null>, name: string, style: ChartStyle, opts: { max?: number } = {}): ChartOption {
  return {
    grid: { ...grid, top: 8, right: 40 }, textStyle: { fontFamily: style.font },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', max: opts.max },
    yAxis: { type: 'category', data: [...labels].reverse() },
    series: [{ type: 'bar', name, data: [...values].reverse(), barMaxWidth: 20, itemStyle: { color: style.color },
      label: { show: true, position: 'right', formatter: (p: { value: unknown }) => (p.value === null || p.value === undefined ? '' : String(p.value)) } }],
  };
}

/** Shares of a whole (enrolments by category); empty slices are left out so the labels stay readable. */
export function pieChart(slices: Array<{ name: string; value: number }>, style: ChartStyle & { palette: string[] }): ChartOption {
  return {
    textStyle: { fontFamily: style.font }, color: style.palette,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { type: 'scroll', bottom: 0 },
    series: [{ type: 'pie', radius: ['35%', '62%'], center: ['50%', '44%'], label: { formatter: '{b} {c}' },
      data: slices.filter((s) => s.value > 0) }],
  };
}
