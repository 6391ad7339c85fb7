import type { Disclosure, OfficialDocType, Validity } from '../content-schema.js';

/**
 * The 15 kinds of 公文 in the 党政机关公文处理工作条例 (2012), in the regulation's order, with their names.
 * Codes are what the API and the database carry; the names are what every page shows.
 */
export const OFFICIAL_DOC_TYPES: Record<OfficialDocType, { zh: string; en: string }> = {
  resolution: { zh: '决议', en: 'Resolution' },
  decision: { zh: '决定', en: 'Decision' },
  order: { zh: '命令（令）', en: 'Order' },
  communique: { zh: '公报', en: 'Communiqué' },
  announcement: { zh: '公告', en: 'Announcement' },
  public_notice: { zh: '通告', en: 'Public notice' },
  opinion: { zh: '意见', en: 'Opinion' },
  notice: { zh: '通知', en: 'Notice' },
  circular: { zh: '通报', en: 'Circular' },
  report: { zh: '报告', en: 'Report' },
  request: { zh: '请示', en: 'Request for instructions' },
  reply: { zh: '批复', en: 'Reply' },
  motion: { zh: '议案', en: 'Motion' },
  letter: { zh: '函', en: 'Letter' },
  minutes: { zh: '纪要', en: 'Minutes' },
};

/** The codes in the regulation's order (a tuple, so schemas built from it keep the literal types). */
export const OFFICIAL_DOC_TYPE_CODES = [
  'resolution', 'decision', 'order', 'communique', 'announcement', 'public_notice', 'opinion', 'notice',
  'circular', 'report', 'request', 'reply', 'motion', 'letter', 'minutes',
] as const satisfies readonly OfficialDocType[];

export const VALIDITY_LABELS: Record<Validity, { zh: string; en: string }> = {
  valid: { zh: '有效', en: 'In force' },
  expired: { zh: '失效', en: 'Expired' },
  repealed: { zh: '废止', en: 'Repealed' },
};

export const DISCLOSURE_LABELS: Record<Disclosure, { zh: string; en: string }> = {
  proactive: { zh: '主动公开', en: 'Proactively disclosed' },
  on_request: { zh: '依申请公开', en: 'Disclosed on request' },
  not_public: { zh: '不予公开', en: 'Not disclosed' },
};
