import type { Kysely } from 'kysely';
import type { CoreContext } from '../../../core/context.js';
import type { EnrolmentDatabase } from '../enrolment/enrolment-schema.js';

/** Row types of migration 0016_learning_lottery. */
export type ApplicationStatus = 'applied' | 'withdrawn' | 'won' | 'lost';

export interface LearningLotteriesTable {
  class_id: string;
  algorithm: string;
  seed_hash: string;
  seed_enc: string;
  seed: string | null;
  priority_groups: string;
  next_ticket: number;
  committed_at: string;
  committed_by: string;
  updated_at: string;
  drawn_at: string | null;
  drawn_by: string | null;
  result_summary: string | null;
}

export interface LearningLotteryApplicationsTable {
  id: string;
  class_id: string;
  user_id: string;
  term_id: string;
  ticket: string;
  priority_group: number;
  status: ApplicationStatus;
  draw_rank: number | null;
  enrolment_id: string | null;
  applied_at: string;
  withdrawn_at: string | null;
  updated_at: string;
}

export interface LotteryDatabase extends EnrolmentDatabase {
  learning_lotteries: LearningLotteriesTable;
  learning_lottery_applications: LearningLotteryApplicationsTable;
}

export function lotteryDb(core: Pick<CoreContext, 'db'>): Kysely<LotteryDatabase> {
  return core.db as unknown as Kysely<LotteryDatabase>;
}
