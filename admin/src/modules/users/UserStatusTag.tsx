import { Tag } from 'antd';
import { useT } from '../../core/i18n/useT';
import type { UserStatus } from './types';

const COLORS: Record<UserStatus, string> = { active: 'success', disabled: 'default', locked: 'warning' };

export function UserStatusTag({ status }: { status: UserStatus }) {
  const t = useT();
  return <Tag color={COLORS[status] ?? 'default'}>{COLORS[status] ? t(`users.status.${status}`) : status}</Tag>;
}
