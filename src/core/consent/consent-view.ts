import type { CoreContext } from '../context.js';
import { maskName } from '../pii/mask.js';
import { chinaToday } from '../users/resident-profile.js';
import { consentDb, type ConsentChannel, type ConsentPurpose, type GuardianRelation } from './consent-schema.js';
import { acceptedNoticeVersion, guardianOf, listConsents } from './consent-repository.js';
import { currentNotice } from './privacy-notice.js';

export interface OwnConsents {
  consents: { id: string; purpose: ConsentPurpose; noticeVersion: number; channel: ConsentChannel; givenAt: string; withdrawnAt: string | null }[];
  currentNoticeVersion: number;
  /** The notice in force is not yet accepted. */
  noticePending: boolean;
  /** A sensitive-PI consent is in force (so it can be withdrawn). */
  sensitiveActive: boolean;
  /** Set while the account is a child's: until the 14th birthday, with the guardian's name masked. */
  minor: { until: string; guardianName: string; relation: GuardianRelation } | null;
}

/** What the account page and GET /api/v1/auth/consents show a person about their own consents. */
export async function loadOwnConsents(core: CoreContext, userId: string): Promise<OwnConsents> {
  const db = consentDb(core);
  const [rows, accepted, guardian] = await Promise.all([listConsents(db, userId), acceptedNoticeVersion(db, userId), guardianOf(db, userId)]);
  const current = currentNotice().version;
  const today = chinaToday(core.clock.now());
  return {
    consents: rows.map((r) => ({ id: r.id, purpose: r.purpose, noticeVersion: r.notice_version, channel: r.channel, givenAt: r.given_at, withdrawnAt: r.withdrawn_at })),
    currentNoticeVersion: current,
    noticePending: (accepted ?? 0) < current,
    sensitiveActive: rows.some((r) => r.purpose === 'sensitive_pi' && r.withdrawn_at === null),
    minor: guardian && today < guardian.minor_until
      ? { until: guardian.minor_until, guardianName: maskName(guardian.guardian_name), relation: guardian.guardian_relation } : null,
  };
}
