import { useCallback } from 'react';
import { interpolate, type Vars } from '../../../core/i18n/interpolate';
import { useLang } from '../../../core/i18n/useT';

/** The conversion-rules screen's own text (zh-CN first; en typed against it). */
const zh = {
  title: '学分转换规则',
  description: '居民在某一类别（或全部类别）累计的学分达到门槛时，系统自动颁发对应的市级证书并通知本人。规则修改只影响之后的颁发，已颁发的证书不变。',
  create: '新建规则', edit: '编辑', name: '规则名称', category: '学分类别', creditsRequired: '所需学分', awardTitle: '颁发证书名称',
  active: '状态', activeOn: '启用', activeOff: '停用', awarded: '已颁发', actions: '操作', deactivate: '停用', activate: '启用',
  deactivateConfirm: '停用后不再颁发新证书（已颁发的保留）。确定停用？', saved: '已保存', version: '版本',
  'category.any': '全部类别', 'category.digital': '数字技能', 'category.health': '健康养生', 'category.arts': '文体艺术',
  'category.culture_civic': '文化与文明', 'category.science': '科学普及', 'category.employment': '就业技能', 'category.income': '增收致富', 'category.other': '其他',
};
export type CreditsKey = keyof typeof zh;

const en: Record<CreditsKey, string> = {
  title: 'Credit conversion rules',
  description: 'When a resident\'s credits in a category (or in all categories) reach the threshold, the city certificate is awarded automatically and the resident is notified. Edits apply to later awards only; awards already made stay.',
  create: 'New rule', edit: 'Edit', name: 'Name', category: 'Credit category', creditsRequired: 'Credits required', awardTitle: 'Certificate awarded',
  active: 'Status', activeOn: 'Active', activeOff: 'Inactive', awarded: 'Awarded', actions: 'Actions', deactivate: 'Deactivate', activate: 'Activate',
  deactivateConfirm: 'No new certificates will be awarded (those awarded stay). Deactivate?', saved: 'Saved', version: 'Version',
  'category.any': 'All categories', 'category.digital': 'Digital skills', 'category.health': 'Health', 'category.arts': 'Arts and sports',
  'category.culture_civic': 'Culture and civic life', 'category.science': 'Science', 'category.employment': 'Employment skills', 'category.income': 'Income growth', 'category.other': 'Other',
};

export type CreditsT = (key: CreditsKey, vars?: Vars) => string;

export function useCreditsT(): CreditsT {
  const { lang } = useLang();
  return useCallback((key: CreditsKey, vars?: Vars) => interpolate((lang === 'en' ? en : zh)[key], vars), [lang]);
}
