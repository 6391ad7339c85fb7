import { theme } from 'antd';
import { useMemo } from 'react';
import type { ChartOption } from '../../core/hooks/echarts';
import { useECharts } from '../../core/hooks/useECharts';
import { roleLabel, ROLES } from '../../core/format/roles';
import { useT } from '../../core/i18n/useT';
import type { UserStats } from './api';

const order = (role: string) => {
  const i = (ROLES as readonly string[]).indexOf(role);
  return i === -1 ? ROLES.length : i;
};

/** Bar chart: number of users per role in the viewer's scope. */
export default function RoleStatsChart({ stats }: { stats: UserStats }) {
  const t = useT();
  const { token } = theme.useToken();

  const option = useMemo<ChartOption>(() => {
    const rows = [...stats.byRole].sort((a, b) => order(a.role) - order(b.role));
    return {
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: {
        type: 'category',
        data: rows.map((r) => roleLabel(t, r.role)),
        axisLabel: { interval: 0, hideOverlap: true },
        axisTick: { alignWithLabel: true },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('dashboard.usersChart.series'),
          type: 'bar',
          data: rows.map((r) => r.count),
          barMaxWidth: 48,
          itemStyle: { color: token.colorPrimary, borderRadius: [4, 4, 0, 0] },
          label: { show: true, position: 'top' },
        },
      ],
      textStyle: { fontFamily: token.fontFamily },
    };
  }, [stats, t, token.colorPrimary, token.fontFamily]);

  const ref = useECharts<HTMLDivElement>(option);
  return (
    <div
      ref={ref}
      role="img"
      aria-label={t('dashboard.usersChart.aria', {
        summary: stats.byRole.map((r) => `${roleLabel(t, r.role)} ${r.count}`).join(t('common.listSeparator')),
      })}
      style={{ width: '100%', height: 320 }}
      data-testid="users-by-role-chart"
    />
  );
}
