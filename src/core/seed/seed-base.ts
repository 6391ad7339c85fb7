import type { CoreContext } from '../context.js';
import { STAFF_ROLES } from '../access/roles.js';

/**
 * Rows every installation needs, inserted when missing: the portal navigation (editable afterwards)
 * and one settings row per staff role. Sections whose module is not installed stay hidden.
 */
export const DEFAULT_NAV = [
  { id: 'home', label_zh: '首页', label_en: 'Home', href: '/', module: null },
  { id: 'notices', label_zh: '通知公告', label_en: 'Notices', href: '/notices', module: 'content' },
  { id: 'documents', label_zh: '公文文档', label_en: 'Official documents', href: '/documents', module: 'content' },
  { id: 'library', label_zh: '文档大全', label_en: 'Document library', href: '/library', module: 'content' },
  { id: 'courses', label_zh: '网络课程', label_en: 'Online courses', href: '/courses', module: 'learning' },
  { id: 'exams', label_zh: '考试报名', label_en: 'Exams', href: '/exams', module: 'exams' },
  { id: 'scores', label_zh: '成绩查询', label_en: 'Scores', href: '/scores', module: 'exams' },
  { id: 'places', label_zh: '学习场所', label_en: 'Learning places', href: '/places', module: 'network' },
  { id: 'jobs', label_zh: '招聘大全', label_en: 'Jobs', href: '/jobs', module: 'content' },
  { id: 'help', label_zh: '使用帮助', label_en: 'Help', href: '/help', module: null },
] as const;

export async function seedBase(core: CoreContext) {
  const { db } = core;
  const haveNav = await db.selectFrom('nav_items').select('id').limit(1).executeTakeFirst();
  if (!haveNav) {
    await db.insertInto('nav_items').values(DEFAULT_NAV.map((n, i) => ({ ...n, sort: (i + 1) * 10, visible: 1 }))).execute();
  }
  const haveSettings = await db.selectFrom('role_settings').select('role').limit(1).executeTakeFirst();
  if (!haveSettings) {
    await db.insertInto('role_settings').values(STAFF_ROLES.map((role) => ({ role, mfa_required: 0 }))).execute();
  }
}
