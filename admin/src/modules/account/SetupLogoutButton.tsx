import { LogoutOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useNavigate } from 'react-router';
import { useAuth } from '../../core/auth/useAuth';
import { useT } from '../../core/i18n/useT';

export function SetupLogoutButton() {
  const t = useT();
  const { logout } = useAuth();
  const navigate = useNavigate();
  return (
    <Button
      size="small"
      icon={<LogoutOutlined aria-hidden />}
      data-testid="logout"
      onClick={async () => {
        await logout();
        navigate('/login', { replace: true });
      }}
    >
      {t('header.logout')}
    </Button>
  );
}
