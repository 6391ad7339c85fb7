/** The content module's server messages (problem+json), zh-CN: the source catalog. */
export const contentZhCN = {
  'content.category.not_found': '栏目不存在。',
  'content.item.not_found': '找不到该内容。',
} as const;

export type ContentMessageId = keyof typeof contentZhCN;
