import type { Kysely } from 'kysely';
import { maskName } from '../../../core/pii/mask.js';
import { DRAW_ALGORITHM } from './draw-order.js';
import type { LotteryDatabase } from './lottery-schema.js';
import { parseRules, type PriorityRule } from './priority-rules.js';

export interface PublishedApplicant { ticket: string; name: string; group: number }
export interface PublishedResult { rank: number; ticket: string; outcome: 'won' | 'waitlisted' }

/** Everything anyone needs to check a draw: no user ids, no ID numbers, names masked. */
export interface DrawRecord {
  classId: string;
  title: string;
  seats: number;
  algorithm: string;
  seedHash: string;
  committedAt: string;
  enrolClosesAt: string;
  priorityGroups: PriorityRule[];
  drawnAt: string | null;
  /** 64 hex characters; null until the draw. */
  seed: string | null;
  /** Before the draw: the pending applications; after: the applications the draw ordered. By ticket. */
  applicants: PublishedApplicant[];
  /** The draw order, rank 1 first; null before the draw. */
  result: PublishedResult[] | null;
}

/** The public record of a class's lottery; undefined when the class is a draft or has no lottery. */
export async function drawRecord(db: Kysely<LotteryDatabase>, classId: string): Promise<DrawRecord | undefined> {
  const row = await db.selectFrom('learning_lotteries').innerJoin('learning_classes', 'learning_classes.id', 'learning_lotteries.class_id')
    .select(['learning_classes.id', 'learning_classes.title', 'learning_classes.seats', 'learning_classes.status', 'learning_classes.enrol_closes_at',
      'learning_lotteries.algorithm', 'learning_lotteries.seed_hash', 'learning_lotteries.committed_at', 'learning_lotteries.priority_groups',
      'learning_lotteries.drawn_at', 'learning_lotteries.seed'])
    .where('learning_lotteries.class_id', '=', classId).executeTakeFirst();
  if (!row || row.status === 'draft') return undefined;
  const drawn = row.drawn_at !== null;
  const apps = await db.selectFrom('learning_lottery_applications')
    .innerJoin('users', 'users.id', 'learning_lottery_applications.user_id')
    .select(['learning_lottery_applications.ticket', 'learning_lottery_applications.priority_group', 'learning_lottery_applications.status',
      'learning_lottery_applications.draw_rank', 'users.real_name', 'users.display_name'])
    .where('learning_lottery_applications.class_id', '=', classId)
    .where('learning_lottery_applications.status', 'in', drawn ? ['won', 'lost'] : ['applied'])
    .orderBy('learning_lottery_applications.ticket').execute();
  const result = drawn
    ? apps.filter((a) => a.draw_rank !== null).sort((a, b) => a.draw_rank! - b.draw_rank!)
      .map((a): PublishedResult => ({ rank: a.draw_rank!, ticket: a.ticket, outcome: a.status === 'won' ? 'won' : 'waitlisted' }))
    : null;
  return {
    classId: row.id, title: row.title, seats: row.seats, algorithm: row.algorithm ?? DRAW_ALGORITHM, seedHash: row.seed_hash,
    committedAt: row.committed_at, enrolClosesAt: row.enrol_closes_at, priorityGroups: parseRules(row.priority_groups),
    drawnAt: row.drawn_at, seed: row.seed,
    applicants: apps.map((a) => ({ ticket: a.ticket, name: maskName(a.real_name || a.display_name), group: a.priority_group })),
    result,
  };
}
