import { Tag } from 'antd';
import { useT } from '../../core/i18n/useT';
import type { Agreement } from './partnerTypes';

const COLOR: Record<Agreement['state'], string> = { upcoming: 'blue', current: 'green', expiring: 'orange', expired: 'default' };

/** An agreement's validity as a tag: 未生效 / 有效 / 即将到期 (with days left) / 已过期. */
export function AgreementStateTag({ agreement }: { agreement: Agreement }) {
  const t = useT();
  const label = agreement.state === 'expiring'
    ? t('network.agreementState.expiringIn', { days: agreement.daysLeft })
    : t(`network.agreementState.${agreement.state}`);
  return <Tag color={COLOR[agreement.state]} data-testid={`agreement-state-${agreement.state}`}>{label}</Tag>;
}
