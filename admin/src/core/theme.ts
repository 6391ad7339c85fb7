import type { ThemeConfig } from 'antd';

const FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif";

/** The antd theme; animations are switched off for users who prefer reduced motion. */
export function appTheme(reducedMotion: boolean): ThemeConfig {
  return {
    token: {
      colorPrimary: '#1677ff',
      borderRadius: 6,
      fontFamily: FONT_FAMILY,
      motion: !reducedMotion,
    },
  };
}
