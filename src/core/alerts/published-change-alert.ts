import type { CoreContext } from '../context.js';
import type { RequestContext } from '../access/actor.js';
import { raiseSecurityAlert } from './raise-alert.js';

/**
 * A result already published to its holder was changed (a certificate revoked, which also takes its credits back):
 * always an alert, since a quiet edit of published results is what the check exists to catch.
 */
export async function alertOnPublishedResultChange(core: CoreContext, ctx: RequestContext,
  change: { type: string; id: string; change: string }) {
  await raiseSecurityAlert(core, ctx, { kind: 'published_result_changed', subject: { type: change.type, id: change.id }, details: { change: change.change } });
}
