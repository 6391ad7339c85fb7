import type { Actor } from '../../../core/access/actor.js';
import { isInScope } from '../../../core/access/scope.js';
import type { MessageId } from '../../../core/i18n/i18n.js';
import type { ContentItemsTable, ContentReviewsTable } from '../content-schema.js';
import type { ContentPermission } from '../permissions.js';
import type { WorkflowState } from './workflow-state.js';

/** Everything the rules look at for one item and one actor. */
export interface PolicySubject {
  item: Pick<ContentItemsTable, 'status' | 'owner_path' | 'created_by'>;
  state: WorkflowState;
  /** Who wrote the revision under review (an editor may revise someone else's draft). */
  revisionAuthorId: string;
  history: Pick<ContentReviewsTable, 'step' | 'level' | 'revision' | 'actor_id'>[];
}

/** A reason the step is refused (a message id), or null when it is allowed. Status problems come first. */
export type Verdict = { status: number; messageId: MessageId } | null;

const can = (actor: Actor, permission: ContentPermission, s: PolicySubject) => isInScope(actor, permission, s.item.owner_path);
const wrongStatus: Verdict = { status: 409, messageId: 'content.workflow.wrong_status' };
const notAllowed: Verdict = { status: 403, messageId: 'content.workflow.not_allowed' };
const isAuthor = (actor: Actor, s: PolicySubject) => actor.userId === s.item.created_by || actor.userId === s.revisionAuthorId;
/** Reviewed another level of this revision: separation of duties between levels. */
const reviewedOtherLevel = (actor: Actor, s: PolicySubject) => s.history.some((h) =>
  h.step === 'review' && h.actor_id === actor.userId && Number(h.revision) === s.state.revision && Number(h.level) !== s.state.reviews_passed + 1);

export const WORKFLOW_RULES = {
  /** Drafts are edited in place; a published item gets a pending edit; a withdrawn one becomes a draft again. */
  edit(actor: Actor, s: PolicySubject): Verdict {
    const editable = s.state.status === 'draft' || (s.state.source === 'item' && (s.item.status === 'published' || s.item.status === 'withdrawn'));
    if (!editable) return { status: 409, messageId: 'content.item.not_editable' };
    return can(actor, 'content.item.write', s) ? null : notAllowed;
  },
  submit(actor: Actor, s: PolicySubject): Verdict {
    if (s.state.status !== 'draft') return wrongStatus;
    return can(actor, 'content.item.write', s) ? null : notAllowed;
  },
  review(actor: Actor, s: PolicySubject): Verdict {
    if (s.state.status !== 'in_review') return wrongStatus;
    if (!can(actor, 'content.item.review', s)) return notAllowed;
    if (isAuthor(actor, s)) return { status: 403, messageId: 'content.workflow.own_draft' };
    if (reviewedOtherLevel(actor, s)) return { status: 403, messageId: 'content.workflow.second_level' };
    return null;
  },
  /** Reviewers send back what they review; signers send back what waits for their signature. */
  reject(actor: Actor, s: PolicySubject): Verdict {
    if (s.state.status === 'in_review') return can(actor, 'content.item.review', s) ? null : notAllowed;
    if (s.state.status === 'approved') return can(actor, 'content.item.sign', s) ? null : notAllowed;
    return wrongStatus;
  },
  sign(actor: Actor, s: PolicySubject): Verdict {
    if (s.state.status !== 'approved' || s.state.signed_by) return wrongStatus;
    if (!can(actor, 'content.item.sign', s)) return notAllowed;
    if (isAuthor(actor, s)) return { status: 403, messageId: 'content.workflow.own_draft' };
    return null;
  },
  /** Signed items publish (now or at a time); a scheduled one may be published now or rescheduled. */
  publish(actor: Actor, s: PolicySubject): Verdict {
    if (s.state.status === 'approved' && !s.state.signed_by) return { status: 409, messageId: 'content.workflow.not_signed' };
    if (s.state.status !== 'approved' && s.state.status !== 'scheduled') return wrongStatus;
    return can(actor, 'content.item.publish', s) ? null : notAllowed;
  },
  /** Takes a published item off the site, or cancels a scheduled publication (back to approved). */
  withdraw(actor: Actor, s: PolicySubject): Verdict {
    if (s.state.status !== 'scheduled' && s.item.status !== 'published') return wrongStatus;
    return can(actor, 'content.item.publish', s) ? null : notAllowed;
  },
  archive(actor: Actor, s: PolicySubject): Verdict {
    if (s.item.status !== 'published' && s.item.status !== 'withdrawn') return wrongStatus;
    return can(actor, 'content.item.publish', s) ? null : notAllowed;
  },
} satisfies Record<string, (actor: Actor, s: PolicySubject) => Verdict>;

export type WorkflowAction = keyof typeof WORKFLOW_RULES;

export function abilities(actor: Actor, s: PolicySubject): Record<WorkflowAction, boolean> {
  return Object.fromEntries(Object.entries(WORKFLOW_RULES).map(([action, rule]) => [action, rule(actor, s) === null])) as Record<WorkflowAction, boolean>;
}
