import { registerAccountLink } from '../../../portal/account-links.js';
import { t } from '../../../core/i18n/i18n.js';
import './i18n/messages.js';

/** 我的学习档案 on the /account page, after the learner's classes, attendance and certificates. */
registerAccountLink({
  id: 'learning.record', order: 40, href: '/account/record',
  label: { 'zh-CN': t('zh-CN', 'learning.record.title'), en: t('en', 'learning.record.title') },
});
