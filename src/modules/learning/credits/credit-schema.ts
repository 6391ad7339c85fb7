import type { Kysely, Transaction } from 'kysely';
import type { CoreContext } from '../../../core/context.js';
import type { AttendanceDatabase } from '../attendance/attendance-schema.js';
import type { OnlineTables } from '../online/online-schema.js';
import type { SurveyTables } from '../surveys/survey-schema.js';

/** Row types of migrations 0018_learning_credits and 0020_learning_award_codes. Credits in tenths; timestamps ISO strings; flags 0/1. */
export type CreditSourceKind = 'class' | 'online' | 'revocation' | 'conversion' | 'manual';
export const RULE_CATEGORIES = ['any', 'science', 'culture_civic', 'employment', 'income', 'health', 'arts', 'digital', 'other'] as const;
export type RuleCategory = (typeof RULE_CATEGORIES)[number];

export interface LearningCreditLedgerTable {
  source_kind: CreditSourceKind;
  source_id: string;
  user_id: string;
  category: string;
  credits_tenths: number;
  title: string;
  at: string;
  recorded_at: string;
}

export interface LearningCreditRulesTable {
  id: string;
  name: string;
  category: RuleCategory;
  credits_required_tenths: number;
  award_title: string;
  active: number;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_by: string | null;
  updated_at: string;
}

export interface LearningCreditAwardCountersTable { year: number; last_serial: number }

export interface LearningCreditAwardsTable {
  id: string;
  user_id: string;
  rule_id: string;
  rule_version: number;
  award_title: string;
  category: string;
  credits_required_tenths: number;
  credits_tenths: number;
  year: number;
  serial: number;
  number: string;
  code: string;
  awarded_at: string;
  /** 0020_learning_award_codes: as printed on the day of the award (the person's name, the awarding city). */
  holder_name: string;
  issuer_name: string;
}

export interface CreditTables {
  learning_credit_ledger: LearningCreditLedgerTable;
  learning_credit_rules: LearningCreditRulesTable;
  learning_credit_award_counters: LearningCreditAwardCountersTable;
  learning_credit_awards: LearningCreditAwardsTable;
}

/** Everything the record reads: classes, enrolments, attendance, certificates, online courses, surveys and credits. */
export type CreditDatabase = AttendanceDatabase & OnlineTables & SurveyTables & CreditTables;
export type CreditTrx = Transaction<CreditDatabase>;

export function creditDb(core: Pick<CoreContext, 'db'>): Kysely<CreditDatabase> {
  return core.db as unknown as Kysely<CreditDatabase>;
}
