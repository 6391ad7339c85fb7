import { Alert, Card, Col, Row, Statistic, theme } from 'antd';
import { useMemo } from 'react';
import { api } from '../../core/api/client';
import { useProblemText } from '../../core/api/useProblemText';
import { useQuery } from '../../core/api/useQuery';
import type { ChartOption } from '../../core/hooks/echarts';
import { useECharts } from '../../core/hooks/useECharts';
import { useLang, useT } from '../../core/i18n/useT';
import { levelName } from './levelName';
import { countInstitutions, loadAllActive } from './networkStats';
import { INSTITUTION_TIERS } from './types';

interface AccreditationSummary {
  centers: number;
  levels: { id: string; nameZh: string; nameEn: string; rank: number; count: number }[];
  textZh: string;
  textEn: string;
}

function Chart({ option, label, testId }: { option: ChartOption; label: string; testId: string }) {
  const ref = useECharts<HTMLDivElement>(option);
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height: 280 }} data-testid={testId} />;
}

/** The network at a glance: institutions by tier and by town, centers by accreditation level. */
export function NetworkDashboardCard() {
  const t = useT();
  const { lang } = useLang();
  const { token } = theme.useToken();
  const problemText = useProblemText();
  const institutions = useQuery('dashboard-network-institutions', loadAllActive);
  const summary = useQuery('dashboard-accreditation', (signal) => api.get<AccreditationSummary>('/network/accreditation/summary', { signal }));
  const counts = useMemo(() => (institutions.data ? countInstitutions(institutions.data) : null), [institutions.data]);
  const tierNames = useMemo(() => INSTITUTION_TIERS.map((tier) => t(`network.tier.${tier}`)), [t]);

  // Stacked by tier (centers, base schools, supplementary); the tooltip names each part.
  const byTown = useMemo<ChartOption | null>(() => counts && ({
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: counts.byTown.map((r) => r.town), axisLabel: { interval: 0, hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: INSTITUTION_TIERS.map((tier, i) => ({
      name: tierNames[i], type: 'bar', stack: 'tier', data: counts.byTown.map((r) => r.counts[tier]), barMaxWidth: 40,
      itemStyle: { color: [token.colorPrimary, token.colorSuccess, token.colorWarning][i] },
    })),
    textStyle: { fontFamily: token.fontFamily },
  }), [counts, tierNames, token.colorPrimary, token.colorSuccess, token.colorWarning, token.fontFamily]);

  const byLevel = useMemo<ChartOption | null>(() => summary.data ? {
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: summary.data.levels.map((l) => levelName(l, lang)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: summary.data.levels.map((l) => l.count), barMaxWidth: 48, label: { show: true, position: 'top' },
      itemStyle: { color: token.colorPrimary, borderRadius: [4, 4, 0, 0] } }],
    textStyle: { fontFamily: token.fontFamily },
  } : null, [summary.data, lang, token.colorPrimary, token.fontFamily]);

  const error = institutions.error ?? summary.error;
  return (
    <Card title={t('network.dashboard.title')} data-testid="network-dashboard" loading={!counts && !error}>
      {error ? <Alert type="error" showIcon title={problemText(error)} /> : null}
      {counts ? (
        <Row gutter={[16, 16]}>
          {INSTITUTION_TIERS.map((tier, i) => (
            <Col key={tier} xs={8}><Statistic title={tierNames[i]} value={counts.byTier[tier]} /></Col>
          ))}
          <Col xs={24} lg={14}>
            <h4>{t('network.dashboard.byTown')}</h4>
            {byTown ? <Chart option={byTown} testId="network-by-town" label={counts.byTown.map((r) => `${r.town} ${r.counts.center + r.counts.base + r.counts.supplementary}`).join(t('common.listSeparator'))} /> : null}
          </Col>
          <Col xs={24} lg={10}>
            <h4>{summary.data ? (lang === 'en' ? summary.data.textEn : summary.data.textZh) : t('network.dashboard.byLevel')}</h4>
            {byLevel && summary.data ? <Chart option={byLevel} testId="network-by-level" label={lang === 'en' ? summary.data.textEn : summary.data.textZh} /> : null}
          </Col>
        </Row>
      ) : null}
    </Card>
  );
}
