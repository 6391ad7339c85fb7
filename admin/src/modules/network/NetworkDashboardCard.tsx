import { Alert, Button, Card, Col, Row, Statistic, theme } from 'antd';
import { useMemo } from 'react';
import { api } from '../../core/api/client';
import { useProblemText } from '../../core/api/useProblemText';
import { useQuery } from '../../core/api/useQuery';
import type { Lang } from '../../core/i18n/lang';
import { useLang, useT } from '../../core/i18n/useT';
import { ChartPanel } from '../../core/ui/ChartPanel';
import type { NetworkDashboard } from './dashboardTypes';
// Registers the pie chart and the legend (a type-only import would not run it).
import './networkCharts';
import type { ChartOption } from './networkCharts';
import { INSTITUTION_TIERS } from './types';

interface AccreditationSummary {
  textZh: string;
  textEn: string;
}

type TownRow = NetworkDashboard['byTown'][number];
type KindRow = NetworkDashboard['byKind'][number];
type LevelRow = NetworkDashboard['accreditation'][number];
type GapRow = NetworkDashboard['gaps']['byIndicator'][number];

type Named = { name: string; nameEn: string };
/** Level and indicator names come from the server in both languages. */
const nameIn = (lang: Lang, r: Named) => (lang === 'en' ? r.nameEn : r.name);

const grid = { left: 8, right: 16, top: 32, bottom: 8, containLabel: true };

/**
 * The network at a glance (ECharts): institutions by tier, kind and town, accreditation levels, institutions
 * short per indicator, and staff per 1,000 residents by town. Each chart has a table view and a spoken summary.
 */
export function NetworkDashboardCard() {
  const t = useT();
  const { lang } = useLang();
  const { token } = theme.useToken();
  const problemText = useProblemText();
  const stats = useQuery('dashboard-network', (signal) => api.get<NetworkDashboard>('/network/dashboard', { signal }));
  const summary = useQuery('dashboard-accreditation', (signal) => api.get<AccreditationSummary>('/network/accreditation/summary', { signal }));
  const d = stats.data;
  const sep = t('common.listSeparator');

  const options = useMemo(() => {
    if (!d) return null;
    const named = (r: Named) => nameIn(lang, r);
    const font = { fontFamily: token.fontFamily };
    const colors = [token.colorPrimary, token.colorSuccess, token.colorWarning, token.colorError, token.colorInfo, '#722ed1', '#13c2c2', '#eb2f96'];
    const towns = d.byTown.map((r) => r.townName);
    const byTown: ChartOption = {
      grid: { ...grid, top: 40 }, textStyle: font, color: colors,
      legend: { top: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: towns, axisLabel: { interval: 0, hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('network.tier.center'), type: 'bar', stack: 'town', barMaxWidth: 40, data: d.byTown.map((r) => r.centers) },
        { name: t('network.dashboard.otherInstitutions'), type: 'bar', stack: 'town', barMaxWidth: 40, data: d.byTown.map((r) => r.institutions - r.centers) },
      ],
    };
    const kinds = [...d.byKind].sort((a, b) => a.count - b.count);
    const byKind: ChartOption = {
      grid: { ...grid, top: 8 }, textStyle: font,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: kinds.map((k) => t(`network.kind.${k.kind}`)) },
      series: [{ type: 'bar', name: t('network.dashboard.institutions'), data: kinds.map((k) => k.count), barMaxWidth: 20,
        itemStyle: { color: token.colorPrimary }, label: { show: true, position: 'right' } }],
    };
    const byLevel: ChartOption = {
      textStyle: font, color: colors,
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0 },
      series: [{ type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'], label: { formatter: '{b} {c}' },
        data: d.accreditation.map((l) => ({ name: named(l), value: l.count })) }],
    };
    const gaps = [...d.gaps.byIndicator].sort((a, b) => a.short - b.short);
    const byGap: ChartOption = {
      grid: { ...grid, top: 8 }, textStyle: font,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: gaps.map((g) => named(g)) },
      series: [{ type: 'bar', name: t('network.dashboard.shortInstitutions'), data: gaps.map((g) => g.short), barMaxWidth: 16,
        itemStyle: { color: token.colorError }, label: { show: true, position: 'right' } }],
    };
    const staffRatio: ChartOption = {
      grid, textStyle: font,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: towns, axisLabel: { interval: 0, hideOverlap: true } },
      yAxis: { type: 'value', name: t('network.dashboard.perThousand') },
      series: [{ type: 'bar', name: t('network.dashboard.staffPerThousand'), barMaxWidth: 40, itemStyle: { color: token.colorSuccess },
        data: d.byTown.map((r) => r.staffPerThousand), label: { show: true, position: 'top' } }],
    };
    return { byTown, byKind, byLevel, byGap, staffRatio };
  }, [d, t, lang, token.colorPrimary, token.colorSuccess, token.colorWarning, token.colorError, token.colorInfo, token.fontFamily]);

  const named = (r: Named) => nameIn(lang, r);
  const tierCount = (tier: string) => d?.byTier.find((r) => r.tier === tier)?.count ?? 0;
  const summaryText = summary.data ? (lang === 'en' ? summary.data.textEn : summary.data.textZh) : t('network.dashboard.byLevel');
  const none = '—';

  return (
    <Card title={t('network.dashboard.title')} data-testid="network-dashboard" loading={!d && !stats.error}>
      {stats.error ? <Alert type="error" showIcon title={problemText(stats.error)} action={<Button size="small" onClick={stats.reload}>{t('common.retry')}</Button>} /> : null}
      {d && options ? (
        <Row gutter={[24, 24]}>
          {INSTITUTION_TIERS.map((tier) => (
            <Col key={tier} xs={12} md={6}><Statistic title={t(`network.tier.${tier}`)} value={tierCount(tier)} /></Col>
          ))}
          <Col xs={12} md={6}>
            <Statistic title={t('network.dashboard.meetingStandard')} value={d.gaps.meetingStandard} suffix={`/ ${d.gaps.institutionsChecked}`} />
          </Col>
          <Col xs={24} lg={14}>
            <ChartPanel<TownRow> title={t('network.dashboard.byTown')} option={options.byTown} testId="network-by-town"
              summary={d.byTown.map((r) => t('network.dashboard.townSummary', { town: r.townName, count: r.institutions, centers: r.centers })).join(sep)}
              rows={d.byTown} rowKey={(r) => r.townId}
              columns={[
                { title: t('network.field.town'), dataIndex: 'townName', key: 'town' },
                { title: t('network.tier.center'), dataIndex: 'centers', key: 'centers', align: 'right' },
                { title: t('network.dashboard.institutions'), dataIndex: 'institutions', key: 'institutions', align: 'right' },
              ]} />
          </Col>
          <Col xs={24} lg={10}>
            <ChartPanel<LevelRow> title={summaryText} option={options.byLevel} testId="network-by-level"
              summary={d.accreditation.map((l) => `${named(l)} ${l.count}`).join(sep)}
              rows={d.accreditation} rowKey={(r) => r.levelId}
              columns={[
                { title: t('network.accreditation.level'), key: 'name', render: (_, r) => named(r) },
                { title: t('network.dashboard.centers'), dataIndex: 'count', key: 'count', align: 'right' },
              ]} />
          </Col>
          <Col xs={24} lg={12}>
            <ChartPanel<KindRow> title={t('network.dashboard.byKind')} option={options.byKind} testId="network-by-kind" height={320}
              summary={d.byKind.map((k) => `${t(`network.kind.${k.kind}`)} ${k.count}`).join(sep)}
              rows={d.byKind} rowKey={(r) => r.kind}
              columns={[
                { title: t('network.field.kind'), key: 'kind', render: (_, r) => t(`network.kind.${r.kind}`) },
                { title: t('network.dashboard.institutions'), dataIndex: 'count', key: 'count', align: 'right' },
              ]} />
          </Col>
          <Col xs={24} lg={12}>
            <ChartPanel<GapRow> title={t('network.dashboard.gaps', { short: d.gaps.shortOfCurrentLevel, checked: d.gaps.institutionsChecked })}
              option={options.byGap} testId="network-gaps" height={320}
              summary={d.gaps.byIndicator.map((g) => `${named(g)} ${g.short}`).join(sep)}
              rows={d.gaps.byIndicator} rowKey={(r) => r.code}
              columns={[
                { title: t('network.gaps.indicator'), key: 'name', render: (_, r) => named(r) },
                { title: t('network.dashboard.shortInstitutions'), dataIndex: 'short', key: 'short', align: 'right' },
              ]} />
          </Col>
          <Col xs={24}>
            <ChartPanel<TownRow> title={t('network.dashboard.staffRatio')} option={options.staffRatio} testId="network-staff-ratio"
              summary={d.byTown.map((r) => `${r.townName} ${r.staffPerThousand ?? none}`).join(sep)}
              rows={d.byTown} rowKey={(r) => r.townId}
              columns={[
                { title: t('network.field.town'), dataIndex: 'townName', key: 'town' },
                { title: t('network.dashboard.staff'), key: 'staff', align: 'right', render: (_, r) => r.staff.total },
                { title: t('network.employment.full_time'), key: 'ft', align: 'right', render: (_, r) => r.staff.fullTime },
                { title: t('network.employment.part_time'), key: 'pt', align: 'right', render: (_, r) => r.staff.partTime },
                { title: t('network.employment.volunteer'), key: 'vol', align: 'right', render: (_, r) => r.staff.volunteer },
                { title: t('network.dashboard.population'), key: 'pop', align: 'right', render: (_, r) => (r.population === null ? none : r.population.toLocaleString(lang)) },
                { title: t('network.dashboard.staffPerThousand'), key: 'ratio', align: 'right', render: (_, r) => r.staffPerThousand ?? none },
              ]} />
          </Col>
        </Row>
      ) : null}
    </Card>
  );
}
