import type { ConsentChannel, ConsentDb, ConsentPurpose } from './consent-schema.js';
import { currentNotice } from './privacy-notice.js';
import { newId } from '../ids.js';

/** Every consent of a person, oldest first (account page, own-data export). */
export function listConsents(db: ConsentDb, userId: string) {
  return db.selectFrom('consents').selectAll().where('user_id', '=', userId).orderBy('given_at').orderBy('id').execute();
}

/** The newest privacy notice version the person has accepted, or null when they never accepted one. */
export async function acceptedNoticeVersion(db: ConsentDb, userId: string): Promise<number | null> {
  const row = await db.selectFrom('consents').select((eb) => eb.fn.max('notice_version').as('version'))
    .where('user_id', '=', userId).where('purpose', '=', 'privacy_notice').where('withdrawn_at', 'is', null).executeTakeFirst();
  return row?.version == null ? null : Number(row.version);
}

export function activeConsent(db: ConsentDb, userId: string, purpose: ConsentPurpose) {
  return db.selectFrom('consents').selectAll().where('user_id', '=', userId).where('purpose', '=', purpose)
    .where('withdrawn_at', 'is', null).orderBy('given_at', 'desc').executeTakeFirst();
}

export function guardianOf(db: ConsentDb, userId: string) {
  return db.selectFrom('consent_guardians').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** The flag other rules read (PIPL 28, 31): the account belongs to a child who is not yet 14 on `today` (YYYY-MM-DD). */
export async function isMinorAccount(db: ConsentDb, userId: string, today: string): Promise<boolean> {
  const row = await db.selectFrom('consent_guardians').select('minor_until').where('user_id', '=', userId).executeTakeFirst();
  return Boolean(row && today < row.minor_until);
}

/** A consent given now under the notice in force (e.g. the separate ID-number consent when a profile gains one). */
export async function recordConsent(trx: ConsentDb, userId: string, purpose: ConsentPurpose, channel: ConsentChannel, at: string) {
  await trx.insertInto('consents').values({ id: newId(), user_id: userId, purpose, notice_version: currentNotice().version,
    channel, given_at: at, withdrawn_at: null }).execute();
}
