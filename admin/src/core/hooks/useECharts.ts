import { useEffect, useRef } from 'react';
import { echarts, type ChartOption } from './echarts';

/**
 * Mounts an ECharts instance on the returned ref's element, applies `option` whenever it changes, follows the
 * element's size and disposes of the chart on unmount.
 */
export function useECharts<T extends HTMLElement = HTMLDivElement>(option: ChartOption | null) {
  const ref = useRef<T>(null);
  const chartRef = useRef<ReturnType<typeof echarts.init> | null>(null);
  const optionRef = useRef(option);
  optionRef.current = option;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    if (optionRef.current) chart.setOption(optionRef.current, { notMerge: true });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    if (option && chartRef.current) chartRef.current.setOption(option, { notMerge: true });
  }, [option]);

  return ref;
}
