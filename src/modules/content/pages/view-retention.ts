import type { PurgeRule } from '../../../core/pii/inventory.js';
import { contentDb } from '../content-schema.js';
import { shanghaiDate } from '../items/shanghai-date.js';

/** Days of content_views kept: today and yesterday (China time) are still deduplicating views; older days serve nothing. */
export const KEEP_VIEW_DAYS = 2;

/** The per-visitor view rows (a daily HMAC of IP and User-Agent) of days that can no longer count a view. */
export const purgeOldViews: PurgeRule = async (core, now) => {
  const oldestKept = shanghaiDate(new Date(now.getTime() - (KEEP_VIEW_DAYS - 1) * 86_400_000));
  const result = await contentDb(core).deleteFrom('content_views').where('day', '<', oldestKept).executeTakeFirst();
  return Number(result.numDeletedRows);
};
