import { Card, Flex, Layout, theme, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n/useT';
import { usePageTitle } from '../ui/usePageTitle';
import { LanguageSwitch } from './LanguageSwitch';

interface Props {
  title: string;
  subtitle?: ReactNode;
  extra?: ReactNode;
  width?: number;
  children: ReactNode;
}

/** A single card in the middle of the page, for sign-in and first-login steps. */
export function CenteredLayout({ title, subtitle, extra, width = 400, children }: Props) {
  const t = useT();
  const { token } = theme.useToken();
  usePageTitle(title);
  return (
    <Layout style={{ minHeight: '100vh', background: token.colorBgLayout }}>
      <Flex justify="flex-end" align="center" gap={12} style={{ padding: '12px 16px' }}>
        {extra}
        <LanguageSwitch />
      </Flex>
      <Flex vertical align="center" style={{ padding: '4vh 16px 48px' }}>
        <Typography.Title level={3} style={{ marginBottom: 4, textAlign: 'center' }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Text type="secondary" style={{ marginBottom: 24 }}>
          {t('app.backOffice')}
        </Typography.Text>
        <Card style={{ width: '100%', maxWidth: width }} title={title}>
          {subtitle ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
              {subtitle}
            </Typography.Paragraph>
          ) : null}
          {children}
        </Card>
      </Flex>
    </Layout>
  );
}
