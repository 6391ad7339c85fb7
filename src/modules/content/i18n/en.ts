import type { ContentMessageId } from './zh-CN.js';

/** The content module's server messages, English; typed against zh-CN so a missing key fails the build. */
export const contentEn: Record<ContentMessageId, string> = {
  'content.category.not_found': 'The category does not exist.',
  'content.item.not_found': 'The item was not found.',
};
