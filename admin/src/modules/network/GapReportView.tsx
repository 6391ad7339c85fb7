import { Descriptions, Table, Tag } from 'antd';
import { useLang, useT } from '../../core/i18n/useT';
import { GAP_CELL_STYLE, gapValueText } from './gapCells';
import type { GapReport } from './gapTypes';
import { levelName } from './levelName';

type Row = GapReport['indicators'][number];

/** One gap report: every indicator against the current level and the next one, with the shortfall. */
export function GapReportView({ report }: { report: GapReport }) {
  const t = useT();
  const { lang } = useLang();
  const yes = t('network.gaps.yes');
  const no = t('network.gaps.no');

  const cell = (c: Row['current'] | null, unit: string) => {
    if (!c || c.status === 'not_applicable') return '';
    const text = c.status === 'short' && c.shortfall !== null ? t('network.gaps.shortBy', { amount: `${c.shortfall}${unit}` }) : t(`network.gaps.status.${c.status}`);
    return <Tag style={{ ...GAP_CELL_STYLE[c.status], border: 'none' }}>{text}</Tag>;
  };

  return (
    <>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('network.gaps.currentLevel')}>{levelName(report.current.level, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('network.gaps.nextLevel')}>{report.next ? levelName(report.next.level, lang) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('network.gaps.shortCurrent')}>{report.summary.current.short + report.summary.current.missing}</Descriptions.Item>
        <Descriptions.Item label={t('network.gaps.shortNext')}>{report.summary.next ? report.summary.next.short + report.summary.next.missing : '—'}</Descriptions.Item>
      </Descriptions>
      <Table<Row>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={report.indicators}
        scroll={{ x: 520 }}
        columns={[
          { title: t('network.gaps.indicator'), key: 'name', render: (_, r) => (lang === 'en' ? r.nameEn : r.nameZh) },
          { title: t('network.gaps.value'), key: 'value', render: (_, r) => `${gapValueText(r.value, yes, no)}${r.value !== null && r.valueType === 'number' ? r.unit : ''}` },
          { title: t('network.gaps.vsCurrent'), key: 'current', render: (_, r) => cell(r.current, r.unit) },
          { title: t('network.gaps.vsNext'), key: 'next', render: (_, r) => cell(r.next, r.unit) },
        ]}
      />
    </>
  );
}
