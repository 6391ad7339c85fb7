import { Col, Row, theme } from 'antd';
import { useMemo } from 'react';
import { useT as useCoreT } from '../../../core/i18n/useT';
import { ChartPanel } from '../../../core/ui/ChartPanel';
import { useCatalogueT } from '../catalogue/catalogueText';
import { barChart, horizontalBarChart, pieChart } from './statsCharts';
import type { AgeRow, CategoryRow, LearningStats, TownRow } from './statsTypes';
import { useStatsT } from './statsText';

/**
 * The dashboard's six charts, each with a table view and a spoken summary: enrolments by town, by age group and by
 * category, completion rate by category, fill rate by town and learners per 1,000 residents.
 */
export function LearningCharts({ stats: d }: { stats: LearningStats }) {
  const t = useStatsT();
  const cat = useCatalogueT();
  const { token } = theme.useToken();
  const sep = useCoreT()('common.listSeparator');
  const none = t('none');
  const catName = (c: CategoryRow) => cat(`cat.${c.category}`);
  const ageName = (a: AgeRow) => t(`age.${a.group}`);

  const options = useMemo(() => {
    const style = (color: string) => ({ font: token.fontFamily, color });
    const towns = d.byTown.map((r) => r.townName);
    return {
      byTown: barChart(towns, d.byTown.map((r) => r.enrolments), t('enrolments'), style(token.colorPrimary)),
      byAge: barChart(d.byAgeGroup.map((a) => t(`age.${a.group}`)), d.byAgeGroup.map((a) => a.enrolments), t('enrolments'), style(token.colorInfo)),
      byCategory: pieChart(d.byCategory.map((c) => ({ name: cat(`cat.${c.category}`), value: c.enrolments })), {
        ...style(token.colorPrimary), palette: [token.colorPrimary, token.colorSuccess, token.colorWarning, token.colorError, token.colorInfo, '#722ed1', '#13c2c2', '#eb2f96'],
      }),
      completion: horizontalBarChart(d.byCategory.map((c) => cat(`cat.${c.category}`)), d.byCategory.map((c) => c.completionPercent), t('completionPercent'), style(token.colorSuccess), { max: 100 }),
      fill: barChart(towns, d.byTown.map((r) => r.fillPercent), t('fillPercent'), style(token.colorWarning), { unit: '%', max: 100 }),
      participation: barChart(towns, d.byTown.map((r) => r.learnersPerThousand), t('perThousand'), style(token.colorSuccess), { unit: t('perThousand') }),
    };
  }, [d, t, cat, token.fontFamily, token.colorPrimary, token.colorInfo, token.colorSuccess, token.colorWarning, token.colorError]);

  const pctText = (v: number | null) => (v === null ? none : `${v}%`);
  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} lg={12}>
        <ChartPanel<TownRow> title={t('byTown')} option={options.byTown} testId="learning-by-town"
          summary={d.byTown.map((r) => t('townSummary', { town: r.townName, count: r.enrolments })).join(sep)}
          rows={d.byTown} rowKey={(r) => r.townId}
          columns={[
            { title: t('town'), dataIndex: 'townName', key: 'town' },
            { title: t('classes'), dataIndex: 'classes', key: 'classes', align: 'right' },
            { title: t('enrolments'), dataIndex: 'enrolments', key: 'enrolments', align: 'right' },
            { title: t('personTimes'), dataIndex: 'personTimes', key: 'personTimes', align: 'right' },
          ]} />
      </Col>
      <Col xs={24} lg={12}>
        <ChartPanel<AgeRow> title={t('byAge')} option={options.byAge} testId="learning-by-age"
          summary={d.byAgeGroup.map((a) => `${ageName(a)} ${a.enrolments}`).join(sep)}
          rows={d.byAgeGroup} rowKey={(r) => r.group}
          columns={[
            { title: t('ageGroup'), key: 'group', render: (_, r) => ageName(r) },
            { title: t('enrolments'), dataIndex: 'enrolments', key: 'enrolments', align: 'right' },
          ]} />
      </Col>
      <Col xs={24} lg={12}>
        <ChartPanel<CategoryRow> title={t('byCategory')} option={options.byCategory} testId="learning-by-category" height={320}
          summary={d.byCategory.map((c) => `${catName(c)} ${c.enrolments}`).join(sep)}
          rows={d.byCategory} rowKey={(r) => r.category}
          columns={[
            { title: t('category'), key: 'category', render: (_, r) => catName(r) },
            { title: t('enrolments'), dataIndex: 'enrolments', key: 'enrolments', align: 'right' },
          ]} />
      </Col>
      <Col xs={24} lg={12}>
        <ChartPanel<CategoryRow> title={t('completion')} option={options.completion} testId="learning-completion" height={320}
          summary={d.byCategory.map((c) => `${catName(c)} ${pctText(c.completionPercent)}`).join(sep)}
          rows={d.byCategory} rowKey={(r) => r.category}
          columns={[
            { title: t('category'), key: 'category', render: (_, r) => catName(r) },
            { title: t('finishedCompleted'), dataIndex: 'finishedCompleted', key: 'completed', align: 'right' },
            { title: t('finishedEnrolled'), dataIndex: 'finishedEnrolled', key: 'enrolled', align: 'right' },
            { title: t('completionPercent'), key: 'rate', align: 'right', render: (_, r) => r.completionPercent ?? none },
          ]} />
      </Col>
      <Col xs={24} lg={12}>
        <ChartPanel<TownRow> title={t('fill')} option={options.fill} testId="learning-fill"
          summary={d.byTown.map((r) => t('percentSummary', { name: r.townName, value: r.fillPercent ?? none })).join(sep)}
          rows={d.byTown} rowKey={(r) => r.townId}
          columns={[
            { title: t('town'), dataIndex: 'townName', key: 'town' },
            { title: t('seats'), dataIndex: 'seats', key: 'seats', align: 'right' },
            { title: t('seatsTaken'), dataIndex: 'seatsTaken', key: 'taken', align: 'right' },
            { title: t('fillPercent'), key: 'rate', align: 'right', render: (_, r) => r.fillPercent ?? none },
          ]} />
      </Col>
      <Col xs={24} lg={12}>
        <ChartPanel<TownRow> title={t('participation')} option={options.participation} testId="learning-participation"
          summary={d.byTown.map((r) => `${r.townName} ${r.learnersPerThousand ?? none}`).join(sep)}
          rows={d.byTown} rowKey={(r) => r.townId}
          columns={[
            { title: t('town'), dataIndex: 'townName', key: 'town' },
            { title: t('learners'), dataIndex: 'learners', key: 'learners', align: 'right' },
            { title: t('population'), key: 'population', align: 'right', render: (_, r) => (r.population === null ? none : r.population.toLocaleString()) },
            { title: t('perThousand'), key: 'ratio', align: 'right', render: (_, r) => r.learnersPerThousand ?? none },
          ]} />
      </Col>
    </Row>
  );
}
