import type { Actor, RequestContext } from '../../access/actor.js';
import { appendAudit } from '../../audit/audit-log.js';
import type { CoreContext } from '../../context.js';
import { invalidField } from '../../http/errors.js';
import { newId } from '../../ids.js';
import { acceptedNoticeVersion } from '../consent-repository.js';
import { consentDb, consentTrx, type ConsentChannel } from '../consent-schema.js';
import { currentNotice } from '../privacy-notice.js';
import '../i18n/messages.js';

/**
 * A logged-in person accepts the privacy notice in force. `version` is the one they read: if the notice changed
 * meanwhile they must read the new one (400). Accepting again is a no-op (`recorded: false`).
 */
export async function acceptNotice(core: CoreContext, ctx: RequestContext & { actor: Actor }, version: number, channel: ConsentChannel) {
  const notice = currentNotice();
  if (version !== notice.version) throw invalidField('version', 'consent.notice_outdated', 'outdated');
  const userId = ctx.actor.userId;
  const now = core.clock.now();
  return core.db.transaction().execute(async (trx) => {
    const db = consentTrx(trx);
    if ((await acceptedNoticeVersion(db, userId) ?? 0) >= notice.version) return { recorded: false, version: notice.version };
    const id = newId();
    await db.insertInto('consents').values({
      id, user_id: userId, purpose: 'privacy_notice', notice_version: notice.version, channel, given_at: now.toISOString(), withdrawn_at: null,
    }).execute();
    await appendAudit(trx, ctx, { action: 'consent.give', targetType: 'user', targetId: userId,
      after: { purpose: 'privacy_notice', noticeVersion: notice.version, channel } }, now);
    return { recorded: true, version: notice.version };
  });
}

/** Whether the person still has to accept the notice in force (never accepted, or only an older version). */
export async function noticePending(core: Pick<CoreContext, 'db'>, userId: string): Promise<boolean> {
  return (await acceptedNoticeVersion(consentDb(core), userId) ?? 0) < currentNotice().version;
}
