import { Type } from '@sinclair/typebox';
import { MAX_PRIORITY_RULES, PriorityRuleSchema } from './priority-rules.js';

export const LotteryConfigBody = Type.Object({
  /** In order: group 1 is the first rule; applicants meeting none form the last group. */
  priorityGroups: Type.Array(PriorityRuleSchema, { maxItems: MAX_PRIORITY_RULES }),
}, { additionalProperties: false });

const Timestamp = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(s: T) => Type.Union([s, Type.Null()]);

export const DrawSummarySchema = Type.Object({
  applicants: Type.Integer(), seatsFree: Type.Integer(), winners: Type.Integer(), waitlisted: Type.Integer(),
});

export const StaffLotterySchema = Type.Object({
  classId: Type.String(),
  title: Type.String(),
  mode: Type.Union([Type.Literal('first_come'), Type.Literal('lottery')]),
  status: Type.String(),
  seats: Type.Integer(),
  seatsTaken: Type.Integer(),
  enrolOpensAt: Timestamp,
  enrolClosesAt: Timestamp,
  lottery: Nullable(Type.Object({
    algorithm: Type.String(),
    seedHash: Type.String(),
    committedAt: Timestamp,
    priorityGroups: Type.Array(PriorityRuleSchema),
    drawnAt: Nullable(Timestamp),
    /** Revealed only after the draw. */
    seed: Nullable(Type.String()),
    /** Pending (before the draw) or drawn applications per priority group (1-based; the last is "everyone else"). */
    byGroup: Type.Array(Type.Object({ group: Type.Integer(), applied: Type.Integer(), won: Type.Integer(), lost: Type.Integer() })),
    withdrawn: Type.Integer(),
    summary: Nullable(DrawSummarySchema),
  })),
});

export const ApplyResultSchema = Type.Object({
  id: Type.String(), ticket: Type.String(), priorityGroup: Type.Integer(), status: Type.Literal('applied'),
});

export const MyApplicationSchema = Type.Object({
  id: Type.String(), classId: Type.String(), classTitle: Type.String(), ticket: Type.String(), priorityGroup: Type.Integer(),
  status: Type.Union([Type.Literal('applied'), Type.Literal('withdrawn'), Type.Literal('won'), Type.Literal('lost')]),
  drawRank: Nullable(Type.Integer()), appliedAt: Timestamp, seedHash: Type.String(), drawnAt: Nullable(Timestamp),
});

export const DrawRecordSchema = Type.Object({
  classId: Type.String(),
  title: Type.String(),
  seats: Type.Integer(),
  algorithm: Type.String(),
  seedHash: Type.String(),
  committedAt: Timestamp,
  enrolClosesAt: Timestamp,
  priorityGroups: Type.Array(PriorityRuleSchema),
  drawnAt: Nullable(Timestamp),
  seed: Nullable(Type.String()),
  applicants: Type.Array(Type.Object({ ticket: Type.String(), name: Type.String(), group: Type.Integer() })),
  result: Nullable(Type.Array(Type.Object({
    rank: Type.Integer(), ticket: Type.String(), outcome: Type.Union([Type.Literal('won'), Type.Literal('waitlisted')]),
  }))),
});
