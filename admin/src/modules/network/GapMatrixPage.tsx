import { Alert, Button, Card, Form, Select, Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useProblemText } from '../../core/api/useProblemText';
import { useQuery } from '../../core/api/useQuery';
import { useUrlListState } from '../../core/hooks/useUrlState';
import { useLang, useT } from '../../core/i18n/useT';
import { PageContainer } from '../../core/ui/PageContainer';
import { idKey } from '../users/regionTree';
import { useRegions } from '../users/useReferenceData';
import { ExportButton } from '../../core/ui/ExportButton';
import { gapApi } from './gapApi';
import { GAP_CELL_STYLE, gapValueText } from './gapCells';
import type { GapMatrix, GapStatus } from './gapTypes';
import { GapReportDrawer } from './GapReportDrawer';
import { INSTITUTION_TIERS } from './types';

const FILTER_KEYS = ['tier', 'town'] as const;
const STATUSES: GapStatus[] = ['met', 'short', 'missing', 'not_applicable'];
type Row = GapMatrix['rows'][number];

/** 查漏补缺: every institution in scope × every indicator, coloured by whether it meets its current level's standard. */
export default function GapMatrixPage() {
  const t = useT();
  const { lang } = useLang();
  const problemText = useProblemText();
  const { filters, setFilters } = useUrlListState(FILTER_KEYS);
  const regions = useRegions();
  const matrix = useQuery(JSON.stringify(filters), (signal) => gapApi.matrix(filters, signal));
  const [shown, setShown] = useState<string | null>(null);
  const yes = t('network.gaps.yes');
  const no = t('network.gaps.no');

  const columns = useMemo<ColumnsType<Row>>(() => {
    const indicators = matrix.data?.indicators ?? [];
    return [
      { title: t('network.field.name'), key: 'name', fixed: 'left', width: 200, render: (_, r) => r.institution.name },
      { title: t('network.field.tier'), key: 'tier', width: 100, render: (_, r) => t(`network.tier.${r.institution.tier}`) },
      ...indicators.map((ind, index): ColumnsType<Row>[number] => ({
        title: <Tooltip title={ind.unit}>{lang === 'en' ? ind.nameEn : ind.nameZh}</Tooltip>,
        key: ind.code,
        width: 110,
        align: 'center',
        onCell: (r) => {
          const cell = r.cells[index];
          return { style: cell ? GAP_CELL_STYLE[cell.status] : {}, 'data-status': cell?.status } as HTMLAttributes<HTMLTableCellElement>;
        },
        render: (_, r) => {
          const cell = r.cells[index];
          if (!cell || cell.status === 'not_applicable') return '';
          return cell.status === 'short' && cell.shortfall !== null
            ? <Tooltip title={t('network.gaps.shortBy', { amount: `${cell.shortfall}${ind.unit}` })}>{gapValueText(cell.value, yes, no)}</Tooltip>
            : gapValueText(cell.value, yes, no);
        },
      })),
    ];
  }, [matrix.data, t, lang, yes, no]);

  const towns = (regions.data ?? []).filter((r) => r.level === 'town');
  const summary = matrix.data?.summary;

  return (
    <PageContainer title={t('network.gaps.title')} description={t('network.gaps.description')}
      extra={<ExportButton path="/network/gap-matrix/export.xlsx" filters={filters} testId="gaps-export" />}>
      <Card>
        <Form layout="inline" style={{ rowGap: 12 }} aria-label={t('network.gaps.title')}>
          <Form.Item label={t('network.field.tier')}>
            <Select allowClear style={{ width: 140 }} placeholder={t('common.all')} value={filters.tier}
              onChange={(tier?: string) => setFilters({ ...filters, tier })} data-testid="gap-filter-tier"
              options={INSTITUTION_TIERS.map((tier) => ({ value: tier, label: t(`network.tier.${tier}`) }))} />
          </Form.Item>
          <Form.Item label={t('network.field.town')}>
            <Select allowClear style={{ width: 140 }} placeholder={t('common.all')} value={filters.town}
              onChange={(town?: string) => setFilters({ ...filters, town })} data-testid="gap-filter-town"
              options={towns.map((r) => ({ value: idKey(r.id), label: r.name }))} />
          </Form.Item>
        </Form>
        {summary ? (
          <Space wrap style={{ marginTop: 16 }} data-testid="gap-legend">
            {STATUSES.map((s) => (
              <Tag key={s} style={{ ...GAP_CELL_STYLE[s], border: s === 'not_applicable' ? undefined : 'none' }}>
                {t(`network.gaps.status.${s}`)} {summary[s]}
              </Tag>
            ))}
          </Space>
        ) : null}
        {matrix.error ? (
          <Alert type="error" showIcon title={problemText(matrix.error)} style={{ marginTop: 16 }}
            action={<Button size="small" onClick={matrix.reload}>{t('common.retry')}</Button>} />
        ) : null}
        <Table<Row>
          style={{ marginTop: 16 }}
          rowKey={(r) => r.institution.id}
          columns={columns}
          dataSource={matrix.data?.rows ?? []}
          loading={matrix.loading}
          size="small"
          bordered
          scroll={{ x: 300 + (matrix.data?.indicators.length ?? 0) * 110 }}
          pagination={{ pageSize: 50, showTotal: (total) => t('common.total', { total }) }}
          onRow={(r) => ({ onClick: () => setShown(r.institution.id), style: { cursor: 'pointer' } })}
          data-testid="gap-matrix"
        />
      </Card>
      <GapReportDrawer institutionId={shown} onClose={() => setShown(null)} />
    </PageContainer>
  );
}
