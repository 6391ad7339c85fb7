import { api } from '../../../core/api/client';

export const RULE_CATEGORIES = ['any', 'digital', 'health', 'arts', 'culture_civic', 'science', 'employment', 'income', 'other'] as const;
export type RuleCategory = (typeof RULE_CATEGORIES)[number];

export interface CreditRule {
  id: string; name: string; category: RuleCategory; creditsRequired: number; awardTitle: string; active: boolean; version: number;
  awarded: number; createdAt: string; updatedAt: string;
}
export interface RuleFields { name: string; category: RuleCategory; creditsRequired: number; awardTitle: string; active: boolean }

const B = '/learning/credit-rules';

export const creditsApi = {
  rules: (signal?: AbortSignal) => api.get<{ items: CreditRule[] }>(B, { signal }),
  create: (body: RuleFields) => api.post<CreditRule>(B, body),
  update: (id: string, body: RuleFields & { version: number }) => api.put<CreditRule>(`${B}/${id}`, body),
};
