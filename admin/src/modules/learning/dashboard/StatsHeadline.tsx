import { Col, Row, Statistic } from 'antd';
import type { LearningStats } from './statsTypes';
import { useStatsT, type StatsKey } from './statsText';

const FIGURES: Array<{ key: StatsKey; value: (d: LearningStats) => number }> = [
  { key: 'classesOpen', value: (d) => d.totals.classesOpen },
  { key: 'seats', value: (d) => d.totals.seats },
  { key: 'enrolled', value: (d) => d.totals.enrolled },
  { key: 'waitlisted', value: (d) => d.totals.waitlisted },
  { key: 'completed', value: (d) => d.totals.completed },
  { key: 'learners', value: (d) => d.totals.learners },
  { key: 'personTimes', value: (d) => d.totals.personTimes },
];

/** The headline numbers of the learning dashboard (the page and the 工作台 card show the same ones). */
export function StatsHeadline({ stats }: { stats: LearningStats }) {
  const t = useStatsT();
  return (
    <Row gutter={[24, 16]} data-testid="learning-headline">
      {FIGURES.map((f) => (
        <Col key={f.key} xs={12} sm={8} md={6} xl={3} data-testid={`learning-total-${f.key}`}>
          <Statistic title={t(f.key)} value={f.value(stats)} />
        </Col>
      ))}
    </Row>
  );
}
