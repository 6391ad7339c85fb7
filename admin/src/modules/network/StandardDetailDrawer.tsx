import { Descriptions, Table, Tag } from 'antd';
import { useQuery } from '../../core/api/useQuery';
import { formatDateTime } from '../../core/format/datetime';
import { useLang, useT } from '../../core/i18n/useT';
import { DetailDrawer } from '../../core/ui/DetailDrawer';
import type { Indicator } from './gapTypes';
import { levelName } from './levelName';
import { standardsApi } from './standardsApi';
import type { StandardThreshold } from './standardsTypes';
import type { AccreditationLevel } from './types';

interface Props {
  standardId: string | null;
  indicators: readonly Indicator[];
  levels: readonly AccreditationLevel[];
  onClose: () => void;
}

/** One standard version and its thresholds; indicators it leaves out do not apply in it. */
export function StandardDetailDrawer({ standardId, indicators, levels, onClose }: Props) {
  const t = useT();
  const { lang } = useLang();
  const detail = useQuery(standardId ? `standard:${standardId}` : null, (signal) => standardsApi.get(standardId!, signal));
  const data = standardId ? detail.data : undefined;
  const byCode = new Map(data?.thresholds.map((th) => [th.code, th]) ?? []);
  const level = levels.find((l) => l.id === data?.levelId);

  const thresholdText = (ind: Indicator, th: StandardThreshold | undefined) => {
    if (!th) return <Tag>{t('network.gaps.status.not_applicable')}</Tag>;
    if (ind.valueType === 'boolean') return th.required ? t('network.standards.mustHave') : t('network.standards.optional');
    return `≥ ${th.threshold}${ind.unit}`;
  };

  return (
    <DetailDrawer open={standardId !== null} onClose={onClose} size={560} testId="standard-detail" error={detail.error}
      title={data ? t('network.standards.versionTitle', { tier: t(`network.tier.${data.tier}`), level: level ? levelName(level, lang) : data.levelId, version: data.version }) : t('network.standards.title')}>
      {data ? (
        <>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('network.standards.effectiveFrom')}>{data.effectiveFrom}</Descriptions.Item>
            <Descriptions.Item label={t('network.standards.inForce')}>{data.inForce ? <Tag color="green">{t('network.standards.inForceNow')}</Tag> : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('network.standards.note')}>{data.note || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('network.standards.createdAt')}>{formatDateTime(data.createdAt)}</Descriptions.Item>
          </Descriptions>
          <Table<Indicator>
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={[...indicators]}
            columns={[
              { title: t('network.gaps.indicator'), key: 'name', render: (_, ind) => (lang === 'en' ? ind.nameEn : ind.nameZh) },
              { title: t('network.standards.threshold'), key: 'threshold', render: (_, ind) => thresholdText(ind, byCode.get(ind.code)) },
            ]}
          />
        </>
      ) : null}
    </DetailDrawer>
  );
}
