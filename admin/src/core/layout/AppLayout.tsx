import { Grid, Layout, theme } from 'antd';
import { Suspense, useCallback, useEffect, useState } from 'react';
import { Outlet } from 'react-router';
import { FullPageSpin } from '../ui/FullPageSpin';
import { Brand } from './Brand';
import { HeaderBar } from './HeaderBar';
import { SideMenu } from './SideMenu';

/** Signed-in shell: left menu (icons only on narrow screens), header, page content. */
export function AppLayout() {
  const screens = Grid.useBreakpoint();
  const narrow = !screens.lg;
  const [collapsed, setCollapsed] = useState(narrow);
  const { token } = theme.useToken();

  useEffect(() => setCollapsed(narrow), [narrow]);
  const toggle = useCallback(() => setCollapsed((c) => !c), []);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        trigger={null}
        width={200}
        collapsedWidth={screens.sm ? 64 : 0}
        style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
      >
        <Brand compact={collapsed} />
        <SideMenu />
      </Layout.Sider>
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            padding: '0 16px',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <HeaderBar collapsed={collapsed} onToggle={toggle} />
        </Layout.Header>
        <Layout.Content style={{ padding: screens.md ? 24 : 12 }}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
