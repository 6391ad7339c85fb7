import type { Kysely } from 'kysely';
import type { DrawSummary } from './run-draw.js';
import type { LotteryClass } from './lottery-class.js';
import type { LotteryDatabase } from './lottery-schema.js';
import { parseRules } from './priority-rules.js';

/** The staff view of a class's lottery: setup, counts by group and outcome, and (after the draw) the seed and summary. */
export async function staffLottery(db: Kysely<LotteryDatabase>, cls: LotteryClass) {
  const base = {
    classId: cls.id, title: cls.title, mode: cls.mode, status: cls.status, seats: cls.seats, seatsTaken: cls.seats_taken,
    enrolOpensAt: cls.enrol_opens_at, enrolClosesAt: cls.enrol_closes_at,
  };
  if (!cls.lottery_class_id) return { ...base, lottery: null };
  const rows = await db.selectFrom('learning_lottery_applications')
    .select(['priority_group', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('class_id', '=', cls.id).groupBy(['priority_group', 'status']).execute();
  const rules = parseRules(cls.priority_groups!);
  const byGroup = Array.from({ length: rules.length + 1 }, (_, i) => ({ group: i + 1, applied: 0, won: 0, lost: 0 }));
  let withdrawn = 0;
  for (const r of rows) {
    const n = Number(r.n);
    if (r.status === 'withdrawn') { withdrawn += n; continue; }
    const g = byGroup[r.priority_group - 1];
    if (g) g[r.status] += n;
  }
  return {
    ...base,
    lottery: {
      algorithm: cls.algorithm!, seedHash: cls.seed_hash!, committedAt: cls.committed_at!, priorityGroups: rules,
      drawnAt: cls.drawn_at, seed: cls.drawn_at ? cls.seed : null, byGroup, withdrawn,
      summary: cls.result_summary ? JSON.parse(cls.result_summary) as DrawSummary : null,
    },
  };
}

/** The caller's own applications, newest first. */
export async function myApplications(db: Kysely<LotteryDatabase>, userId: string) {
  const rows = await db.selectFrom('learning_lottery_applications as a')
    .innerJoin('learning_classes as c', 'c.id', 'a.class_id')
    .innerJoin('learning_lotteries as l', 'l.class_id', 'a.class_id')
    .select(['a.id', 'a.class_id', 'c.title', 'a.ticket', 'a.priority_group', 'a.status', 'a.draw_rank', 'a.applied_at', 'l.seed_hash', 'l.drawn_at'])
    .where('a.user_id', '=', userId).orderBy('a.applied_at', 'desc').limit(200).execute();
  return rows.map((r) => ({
    id: r.id, classId: r.class_id, classTitle: r.title, ticket: r.ticket, priorityGroup: r.priority_group, status: r.status,
    drawRank: r.draw_rank, appliedAt: r.applied_at, seedHash: r.seed_hash, drawnAt: r.drawn_at,
  }));
}
