import type { Id } from '../../core/api/types';

export type AuditOutcome = 'success' | 'failure';
export const AUDIT_OUTCOMES: readonly AuditOutcome[] = ['success', 'failure'];

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: Id | null;
  actorName: string | null;
  role: string | null;
  /** A scope name, or an object describing it; shown as given. */
  scope: unknown;
  action: string;
  targetType: string | null;
  targetId: Id | null;
  outcome: AuditOutcome;
  before: unknown;
  after: unknown;
  ip: string | null;
  requestId: string | null;
}

export interface AuditQuery {
  page: number;
  pageSize: number;
  actor?: string;
  action?: string;
  outcome?: string;
  targetType?: string;
  /** ISO instants. */
  from?: string;
  to?: string;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBadSeq: number | null;
  reason: string | null;
}
