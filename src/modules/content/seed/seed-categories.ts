import type { CoreContext } from '../../../core/context.js';
import { contentDb, type ItemKind } from '../content-schema.js';

interface BuiltInCategory {
  id: string; parent?: string; slug: string; zh: string; en: string; kind: ItemKind; reviewLevels: number; description: string;
}

/**
 * The sections every installation starts with (the portal navigation links to the top-level ones).
 * Admins rename, reorder, hide and add categories afterwards; ids and slugs of these stay stable.
 */
export const BUILT_IN_CATEGORIES: BuiltInCategory[] = [
  { id: 'notices', slug: 'notices', zh: '通知公告', en: 'Notices', kind: 'article', reviewLevels: 1, description: '市、镇社区教育工作的通知与公告。' },
  { id: 'documents', slug: 'documents', zh: '公文文档', en: 'Official documents', kind: 'official_document', reviewLevels: 2, description: '社区教育和终身学习相关的正式公文。' },
  { id: 'policies', parent: 'documents', slug: 'policies', zh: '政策文件', en: 'Policy documents', kind: 'official_document', reviewLevels: 2, description: '规范性文件和政策性文件。' },
  { id: 'interpretations', parent: 'documents', slug: 'interpretations', zh: '政策解读', en: 'Policy interpretations', kind: 'article', reviewLevels: 1, description: '对政策文件的解读，与原文互相链接。' },
  { id: 'library', slug: 'library', zh: '文档大全', en: 'Document library', kind: 'article', reviewLevels: 1, description: '工作计划、总结、调研报告等资料。' },
  { id: 'work-plans', parent: 'library', slug: 'work-plans', zh: '工作计划', en: 'Work plans', kind: 'article', reviewLevels: 1, description: '各级社区教育机构的年度和专项工作计划。' },
  { id: 'work-reports', parent: 'library', slug: 'work-reports', zh: '工作总结', en: 'Work reports', kind: 'article', reviewLevels: 1, description: '年度、学期和专项工作总结。' },
  { id: 'surveys', parent: 'library', slug: 'surveys', zh: '调研报告', en: 'Survey reports', kind: 'article', reviewLevels: 1, description: '学习需求和社区教育现状调研。' },
  { id: 'essays', slug: 'essays', zh: '作文大全', en: 'Essays', kind: 'article', reviewLevels: 1, description: '学员习作与征文选登。' },
  { id: 'models', slug: 'models', zh: '范文大全', en: 'Model texts', kind: 'article', reviewLevels: 1, description: '计划、总结、讲话稿、倡议书等常用文书范文。' },
];

/** Inserts the built-in categories that are missing (idempotent; runs on every start). */
export async function seedCategories(core: CoreContext) {
  const db = contentDb(core);
  const existing = new Set((await db.selectFrom('content_categories').select('id').execute()).map((r) => r.id));
  const at = core.clock.now().toISOString();
  for (const [i, c] of BUILT_IN_CATEGORIES.entries()) {
    if (existing.has(c.id)) continue;
    await db.insertInto('content_categories').values({
      id: c.id, parent_id: c.parent ?? null, slug: c.slug, path: c.parent ? `/${c.parent}/${c.id}/` : `/${c.id}/`,
      name_zh: c.zh, name_en: c.en, description: c.description, item_kind: c.kind, review_levels: c.reviewLevels,
      sort: (i + 1) * 10, visible: 1, created_at: at, updated_at: at,
    }).execute();
  }
}
