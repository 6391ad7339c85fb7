import { Alert, Descriptions, Drawer, Table, Tag } from 'antd';
import { useProblemText } from '../../core/api/useProblemText';
import { useQuery } from '../../core/api/useQuery';
import { useLang, useT } from '../../core/i18n/useT';
import { gapApi } from './gapApi';
import { GAP_CELL_STYLE, gapValueText } from './gapCells';
import type { GapReport } from './gapTypes';
import { levelName } from './levelName';

type Row = GapReport['indicators'][number];

/** One institution's gap report: every indicator against its current level and the next one, with the shortfall. */
export function GapReportDrawer({ institutionId, onClose }: { institutionId: string | null; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const problemText = useProblemText();
  const report = useQuery(institutionId ? `gaps:${institutionId}` : null, (signal) => gapApi.report(institutionId!, signal));
  const data = institutionId ? report.data : undefined;
  const yes = t('network.gaps.yes');
  const no = t('network.gaps.no');

  const cell = (c: Row['current'] | null, unit: string) => {
    if (!c || c.status === 'not_applicable') return '';
    const text = c.status === 'short' && c.shortfall !== null ? t('network.gaps.shortBy', { amount: `${c.shortfall}${unit}` }) : t(`network.gaps.status.${c.status}`);
    return <Tag style={{ ...GAP_CELL_STYLE[c.status], border: 'none' }}>{text}</Tag>;
  };

  return (
    <Drawer open={institutionId !== null} onClose={onClose} size={720} title={data?.institution.name ?? t('network.gaps.report')} data-testid="gap-report" destroyOnHidden>
      {report.error ? <Alert type="error" showIcon title={problemText(report.error)} /> : null}
      {data ? (
        <>
          <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('network.gaps.currentLevel')}>{levelName(data.current.level, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('network.gaps.nextLevel')}>{data.next ? levelName(data.next.level, lang) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('network.gaps.shortCurrent')}>{data.summary.current.short + data.summary.current.missing}</Descriptions.Item>
            <Descriptions.Item label={t('network.gaps.shortNext')}>{data.summary.next ? data.summary.next.short + data.summary.next.missing : '—'}</Descriptions.Item>
          </Descriptions>
          <Table<Row>
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={data.indicators}
            columns={[
              { title: t('network.gaps.indicator'), key: 'name', render: (_, r) => (lang === 'en' ? r.nameEn : r.nameZh) },
              { title: t('network.gaps.value'), key: 'value', render: (_, r) => `${gapValueText(r.value, yes, no)}${r.value !== null && r.valueType === 'number' ? r.unit : ''}` },
              { title: t('network.gaps.vsCurrent'), key: 'current', render: (_, r) => cell(r.current, r.unit) },
              { title: t('network.gaps.vsNext'), key: 'next', render: (_, r) => cell(r.next, r.unit) },
            ]}
          />
        </>
      ) : null}
    </Drawer>
  );
}
