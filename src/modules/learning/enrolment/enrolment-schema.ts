import type { Kysely } from 'kysely';
import type { CoreContext } from '../../../core/context.js';
import type { ConsentMethod, LearningDatabase } from '../learning-schema.js';

/** 代办 by a family member: a standing authorisation staff record after seeing the senior's consent. */
export interface LearningProxyLinksTable {
  id: string;
  resident_id: string;
  proxy_user_id: string;
  consent_method: ConsentMethod;
  consent_note: string;
  consent_at: string;
  created_by: string;
  created_at: string;
  revoked_at: string | null;
}

export interface EnrolmentDatabase extends LearningDatabase {
  learning_proxy_links: LearningProxyLinksTable;
}

export function enrolmentDb(core: Pick<CoreContext, 'db'>): Kysely<EnrolmentDatabase> {
  return core.db as unknown as Kysely<EnrolmentDatabase>;
}

/** Statuses that hold a seat of the class (seats_taken counts them). */
export const SEAT_HOLDING = ['enrolled', 'offered'] as const;
/** Statuses that count against the per-term limit. */
export const QUOTA_HOLDING = ['enrolled', 'offered', 'waitlisted'] as const;
