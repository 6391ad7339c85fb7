import { Avatar, Card, Flex, Typography } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { formatDate, shanghaiHour } from '../../core/format/datetime';
import { useMe } from '../../core/auth/useAuth';
import { useT } from '../../core/i18n/useT';
import { RoleGrantTags } from '../../core/ui/RoleGrantTags';
import type { MessageKey } from '../../core/i18n/catalogs';

function greetingKey(hour: number): MessageKey {
  if (hour < 6) return 'dashboard.greeting.night';
  if (hour < 12) return 'dashboard.greeting.morning';
  if (hour < 18) return 'dashboard.greeting.afternoon';
  return 'dashboard.greeting.evening';
}

export function Greeting() {
  const t = useT();
  const me = useMe();
  const now = new Date();
  return (
    <Card>
      <Flex gap={16} align="center" wrap>
        <Avatar size={56} icon={<UserOutlined aria-hidden />} style={{ background: '#1677ff' }} />
        <Flex vertical gap={6} style={{ minWidth: 0, flex: 1 }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="dashboard-greeting">
            {t(greetingKey(shanghaiHour(now)), { name: me.displayName || me.username })}
          </Typography.Title>
          <Flex gap={8} align="center" wrap>
            <Typography.Text type="secondary">{t('dashboard.scope')}</Typography.Text>
            <RoleGrantTags roles={me.roles} emptyText={t('header.noRoles')} />
          </Flex>
        </Flex>
        <Typography.Text type="secondary">{t('dashboard.today', { date: formatDate(now) })}</Typography.Text>
      </Flex>
    </Card>
  );
}
