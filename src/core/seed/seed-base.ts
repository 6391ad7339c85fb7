import type { CoreContext } from '../context.js';
import { STAFF_ROLES } from '../access/roles.js';

/**
 * Rows every installation needs, inserted when missing: the portal navigation (editable afterwards)
 * and one settings row per staff role. Sections whose module is not installed stay hidden.
 */
export const DEFAULT_NAV = [
  { id: 'home', label_zh: '首页', label_en: 'Home', href: '/', module: null },
  { id: 'notices', label_zh: '通知公告', label_en: 'Notices', href: '/c/notices', module: 'content' },
  { id: 'documents', label_zh: '公文文档', label_en: 'Official documents', href: '/c/documents', module: 'content' },
  { id: 'library', label_zh: '文档大全', label_en: 'Document library', href: '/c/library', module: 'content' },
  { id: 'essays', label_zh: '作文大全', label_en: 'Essays', href: '/c/essays', module: 'content' },
  { id: 'models', label_zh: '范文大全', label_en: 'Model texts', href: '/c/models', module: 'content' },
  { id: 'disclosure', label_zh: '信息公开', label_en: 'Information disclosure', href: '/disclosure', module: 'content' },
  { id: 'classes', label_zh: '课程报名', label_en: 'Classes', href: '/classes', module: 'learning' },
  { id: 'surveys', label_zh: '需求调查', label_en: 'Learning needs', href: '/surveys', module: 'learning' },
  { id: 'courses', label_zh: '网络课程', label_en: 'Online courses', href: '/courses', module: 'learning.online' },
  { id: 'exams', label_zh: '考试报名', label_en: 'Exams', href: '/exams', module: 'exams' },
  { id: 'scores', label_zh: '成绩查询', label_en: 'Scores', href: '/scores', module: 'exams' },
  { id: 'places', label_zh: '学习场所', label_en: 'Learning places', href: '/places', module: 'network' },
  { id: 'jobs', label_zh: '招聘大全', label_en: 'Jobs', href: '/jobs', module: 'content' },
  { id: 'help', label_zh: '使用帮助', label_en: 'Help', href: '/help', module: null },
] as const;

export async function seedBase(core: CoreContext) {
  const { db } = core;
  // Row by row, so a section or role added by a later release appears in existing installations too.
  const navRows = await db.selectFrom('nav_items').select(['id', 'module']).execute();
  const navIds = new Set(navRows.map((r) => r.id));
  // A section that moved to another module key keeps its place and its staff edits; only the key follows.
  const moduleOf = new Map(navRows.map((r) => [r.id, r.module]));
  for (const n of DEFAULT_NAV) {
    if (navIds.has(n.id) && moduleOf.get(n.id) !== n.module) await db.updateTable('nav_items').set({ module: n.module }).where('id', '=', n.id).execute();
  }
  const missingNav = DEFAULT_NAV.map((n, i) => ({ ...n, sort: (i + 1) * 10, visible: 1 })).filter((n) => !navIds.has(n.id));
  if (missingNav.length > 0) await db.insertInto('nav_items').values(missingNav).execute();
  const roles = new Set((await db.selectFrom('role_settings').select('role').execute()).map((r) => r.role));
  const missingRoles = STAFF_ROLES.filter((role) => !roles.has(role));
  if (missingRoles.length > 0) await db.insertInto('role_settings').values(missingRoles.map((role) => ({ role, mfa_required: 0 }))).execute();
}
