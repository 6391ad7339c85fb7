import crypto from 'node:crypto';
import type { CoreContext } from '../../../core/context.js';
import { contentDb } from '../content-schema.js';
import { shanghaiDate } from '../items/shanghai-date.js';

/**
 * The honest view count: one view per visitor, item and day (China time); known robots are not counted.
 *
 * Who is a visitor: an HMAC of (day, IP address, User-Agent) keyed with the server's data key. No address is
 * stored; the hash changes every day, so yesterday's rows cannot be joined to today's, and without the key
 * nobody can test guessed addresses against it. (We chose this over a cookie id: a cookie would set a cookie
 * on every public page, which would make those pages differ per visitor and defeat the page cache, and
 * visitors who refuse cookies would count on every request.) Several people behind one NAT with the same
 * browser count once a day — an undercount, never an overcount.
 *
 * Writes: `content_views` has the primary key (item, visitor, day); an insert that does nothing means "seen
 * already today", and only an insert that added a row increments `content_items.view_count`, in the same
 * transaction. An in-memory set of today's (item, visitor) pairs sits in front, so repeated requests of one
 * visitor never reach the database.
 *
 * The number shown on a page comes from the page cache and may lag the table by about the cache's lifetime
 * (30 s, PAGE_CACHE_TTL_MS in src/portal/portal-context.ts).
 */

/**
 * User-Agents not counted: search engines, feed readers and link previewers, command-line clients and
 * libraries, and headless browsers (our own browser tests among them: automation is not a reader).
 */
const ROBOT_UA = new RegExp([
  'bot\\b', 'bot/', 'spider', 'crawl', 'slurp', 'googlebot', 'baiduspider', 'bingbot', 'yandex', 'sogou', '360spider',
  'haosouspider', 'bytespider', 'petalbot', 'yisouspider', 'applebot', 'duckduckbot', 'semrush', 'ahrefs', 'mj12bot',
  'facebookexternalhit', 'headlesschrome', 'phantomjs', 'puppeteer', 'playwright', 'lighthouse', 'pagespeed',
  '^curl/', '^wget/', 'python-requests', 'python-urllib', 'aiohttp', 'httpx', '^go-http-client', '^java/', 'okhttp',
  'libwww-perl', '^node-fetch', '^axios/', '^undici', 'apache-httpclient', '^wrk', 'postmanruntime', 'scrapy',
  'feedfetcher', 'rss', 'uptime', 'monitor', 'pingdom', 'preview',
].join('|'), 'i');

export function isRobot(userAgent: string | null | undefined): boolean {
  const ua = (userAgent ?? '').trim();
  return ua.length === 0 || ROBOT_UA.test(ua);
}

/** The same few User-Agents arrive again and again: remember the verdict (bounded) instead of re-running the regex. */
const robotVerdicts = new Map<string, boolean>();
function isRobotCached(userAgent: string | null | undefined): boolean {
  const ua = userAgent ?? '';
  let verdict = robotVerdicts.get(ua);
  if (verdict === undefined) {
    verdict = isRobot(ua);
    if (robotVerdicts.size >= 10_000) robotVerdicts.clear();
    robotVerdicts.set(ua, verdict);
  }
  return verdict;
}

export interface ViewRequest {
  ip: string;
  userAgent: string | null | undefined;
  /** Browsers prefetching a link (Sec-Purpose / Purpose: prefetch) have not shown the page to anyone. */
  prefetch?: boolean;
}

/** Bounds the memory of the front set; past it the set restarts and the database's key keeps the count honest. */
const MAX_REMEMBERED = 200_000;

export function createViewCounter(core: Pick<CoreContext, 'db' | 'clock' | 'config'>) {
  let day = '';
  let dayEndsAt = 0;
  let seen = new Set<string>();
  // Today's hashes of (IP, User-Agent), so a returning visitor costs a Map look-up instead of an HMAC. Held in
  // memory only, dropped at midnight (China time) or when it grows past MAX_REMEMBERED.
  let visitors = new Map<string, string>();

  function visitorId(today: string, view: ViewRequest): string {
    return crypto.createHmac('sha256', core.config.dataKey).update(`views\n${today}\n${view.ip}\n${view.userAgent ?? ''}`).digest('base64url').slice(0, 22);
  }

  function startDayIfNeeded() {
    const now = core.clock.now();
    if (now.getTime() < dayEndsAt) return;
    day = shanghaiDate(now);
    // Midnight in China (UTC+8, no daylight saving) after `now`.
    dayEndsAt = Date.parse(`${day}T00:00:00+08:00`) + 86_400_000;
    seen = new Set();
    visitors = new Map();
  }

  /**
   * Counts one view if this visitor has not viewed the item today. Answers at once (false) for robots and for
   * visitors already seen today; only a first view of the day returns a promise (the database write).
   */
  function countView(itemId: string, view: ViewRequest): boolean | Promise<boolean> {
    if (view.prefetch || isRobotCached(view.userAgent)) return false;
    startDayIfNeeded();
    const who = `${view.ip}\n${view.userAgent ?? ''}`;
    let visitor = visitors.get(who);
    if (visitor === undefined) {
      visitor = visitorId(day, view);
      if (visitors.size >= MAX_REMEMBERED) visitors = new Map();
      visitors.set(who, visitor);
    }
    const key = `${itemId}|${visitor}`;
    if (seen.has(key)) return false;
    if (seen.size >= MAX_REMEMBERED) seen = new Set();
    seen.add(key);
    return write(itemId, visitor, day, key);
  }

  async function write(itemId: string, visitor: string, today: string, key: string): Promise<boolean> {
    try {
      return await contentDb(core).transaction().execute(async (trx) => {
        const inserted = await trx.insertInto('content_views').values({ item_id: itemId, visitor, day: today })
          .onConflict((oc) => oc.doNothing()).executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
        await trx.updateTable('content_items').set((eb) => ({ view_count: eb('view_count', '+', 1) })).where('id', '=', itemId).execute();
        return true;
      });
    } catch (error) {
      seen.delete(key); // not written: the next request tries again
      throw error;
    }
  }

  return { countView, visitorId };
}
