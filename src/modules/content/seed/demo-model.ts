import type { NewOfficialFields } from '../items/item-writer.js';
import type { OwnerScopeType } from '../content-schema.js';
import type { Rng } from './demo-random.js';

/** What the demo generators produce and demo-content.ts writes; and the demo city as they see it. */

export interface DemoOwner { type: OwnerScopeType; id: string; path: string }

export interface DemoDoc {
  id: string;
  categoryId: string;
  kind: 'article' | 'official_document';
  title: string;
  summary: string | null;
  bodyHtml: string;
  source: string;
  author: string | null;
  keywords: string;
  owner: DemoOwner;
  /** Username of the account that drafted it (the city editor, or the town's admin for a town's documents). */
  createdBy: string;
  publishedAt: Date;
  viewCount: number;
  official?: NewOfficialFields;
  interpretationOf?: string;
}

export interface DemoTown {
  index: number;
  name: string;
  id: string;
  path: string;
  center: { id: string; name: string; path: string };
  villages: Array<{ id: string; name: string }>;
  /** The username of the town's admin (town, town02, …). */
  admin: string;
}

export interface DemoCity {
  name: string;
  id: string;
  path: string;
  towns: DemoTown[];
  /** The partner employer of town 1 (its account posts its own jobs). */
  employer: { id: string; name: string; path: string; regionId: string } | null;
  now: Date;
}

const DAY = 86_400_000;

/** A working-hours moment (08:30–17:30 China time) `minDays`–`maxDays` days before `now`. */
export function pastWorkMoment(rng: Rng, now: Date, minDays: number, maxDays: number): Date {
  const day = Math.floor(now.getTime() / DAY) * DAY - rng.int(minDays, maxDays) * DAY;
  // 08:30–17:30 in China (UTC+8) is 00:30–09:30 UTC.
  return new Date(day + (30 + rng.int(0, 9 * 60)) * 60_000 + rng.int(0, 59) * 1000);
}

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY);
}

/** Summaries of official documents are at most 100 characters. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Views grow with age, with a few popular documents far above the rest. */
export function viewsFor(rng: Rng, publishedAt: Date, now: Date): number {
  const days = Math.max(1, (now.getTime() - publishedAt.getTime()) / DAY);
  const base = Math.round(Math.sqrt(days) * rng.int(8, 40));
  return rng.chance(0.08) ? base * rng.int(4, 9) : base;
}
