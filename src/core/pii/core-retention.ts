import type { CoreContext } from '../context.js';
import { SESSION_POLICY } from '../auth/session-policy.js';
import { notificationsDb } from '../notifications/notifications-schema.js';
import type { PurgeRule } from './inventory.js';

const DAY_MS = 86_400_000;

/** Retention limits of core's tables; docs/security-decisions.md lists them. */
export const CORE_RETENTION = {
  /** A delivered SMS/e-mail row is only delivery bookkeeping once sent; the message itself stays in the inbox. */
  sentOutboxDays: 30,
  /** Failed deliveries stay longer: the city admin reads them on the outbox summary to fix a sender. */
  failedOutboxDays: 90,
} as const;

const before = (now: Date, ms: number) => new Date(now.getTime() - ms).toISOString();

/** Sessions past their idle or absolute limit (loadSession refuses them already; this removes IP and user agent). */
export const purgeExpiredSessions: PurgeRule = async (core: CoreContext, now: Date) => {
  const result = await core.db.deleteFrom('sessions').where((eb) => eb.or([
    eb('absolute_expires_at', '<', now.toISOString()),
    ...Object.entries(SESSION_POLICY.idleMs).map(([kind, idleMs]) =>
      eb.and([eb('kind', '=', kind as 'staff' | 'resident'), eb('last_seen_at', '<', before(now, idleMs))])),
  ])).executeTakeFirst();
  return Number(result.numDeletedRows);
};

/** Two-step login tickets past their five minutes. */
export const purgeExpiredLoginTickets: PurgeRule = async (core, now) => {
  const result = await core.db.deleteFrom('login_tickets').where('expires_at', '<', now.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
};

/** Delivered outbox rows after 30 days, failed ones after 90; pending and sending rows are never touched. */
export const purgeOldOutboxRows: PurgeRule = async (core, now) => {
  const result = await notificationsDb(core).deleteFrom('notification_outbox').where((eb) => eb.or([
    eb.and([eb('status', '=', 'sent'), eb('sent_at', '<', before(now, CORE_RETENTION.sentOutboxDays * DAY_MS))]),
    eb.and([eb('status', '=', 'failed'), eb('updated_at', '<', before(now, CORE_RETENTION.failedOutboxDays * DAY_MS))]),
  ])).executeTakeFirst();
  return Number(result.numDeletedRows);
};
