import { Descriptions, Space, Tabs } from 'antd';
import { formatDateTime } from '../../core/format/datetime';
import { useLang, useT } from '../../core/i18n/useT';
import { DetailDrawer } from '../../core/ui/DetailDrawer';
import { AccreditationCard } from './AccreditationCard';
import { IndicatorValuesCard } from './IndicatorValuesCard';
import { levelName } from './levelName';
import { PhotosCard } from './PhotosCard';
import type { NetworkInstitution } from './types';

/** One institution: its details (a center also its accreditation), 指标填报 and photos, each on a tab. */
export function InstitutionDrawer({ institution, onClose, onChanged }: {
  institution: NetworkInstitution | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const i = institution;
  return (
    <DetailDrawer open={i !== null} onClose={onClose} title={i?.name} size={720} testId="institution-drawer">
      {i ? (
        <Tabs
          defaultActiveKey="details"
          items={[
            {
              key: 'details',
              label: t('network.drawer.details'),
              children: (
                <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                  <Descriptions size="small" column={1} bordered>
                    <Descriptions.Item label={t('network.field.tier')}>{t(`network.tier.${i.tier}`)}</Descriptions.Item>
                    <Descriptions.Item label={t('network.field.kind')}>{t(`network.kind.${i.kind}`)}</Descriptions.Item>
                    <Descriptions.Item label={t('network.field.region')}>{i.region.id === i.town.id ? i.town.name : `${i.town.name} / ${i.region.name}`}</Descriptions.Item>
                    <Descriptions.Item label={t('network.field.parentCenter')}>{i.parentCenter?.name ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label={t('network.field.accreditation')}>{i.accreditation ? levelName(i.accreditation, lang) : '—'}</Descriptions.Item>
                    <Descriptions.Item label={t('network.field.address')}>{i.address || '—'}</Descriptions.Item>
                    <Descriptions.Item label={t('network.field.openingHours')}>{i.openingHours || '—'}</Descriptions.Item>
                    <Descriptions.Item label={t('network.field.contactName')}>{i.contactName || '—'}</Descriptions.Item>
                    <Descriptions.Item label={t('network.field.contactPhone')}>{i.contactPhone || '—'}</Descriptions.Item>
                    <Descriptions.Item label={t('network.field.description')}>{i.description || '—'}</Descriptions.Item>
                    <Descriptions.Item label={t('network.field.status')}>{t(i.status === 'retired' ? 'network.status.retired' : 'network.status.active')}</Descriptions.Item>
                    <Descriptions.Item label={t('network.field.updatedAt')}>{formatDateTime(i.updatedAt ?? i.createdAt)}</Descriptions.Item>
                  </Descriptions>
                  {i.tier === 'center' ? <AccreditationCard institutionId={i.id} onChanged={onChanged} /> : null}
                </Space>
              ),
            },
            { key: 'indicators', label: t('network.indicators.tab'), children: <IndicatorValuesCard institutionId={i.id} /> },
            { key: 'photos', label: t('network.photos.title'), children: <PhotosCard institutionId={i.id} editable={i.status === 'active'} /> },
          ]}
        />
      ) : null}
    </DetailDrawer>
  );
}
