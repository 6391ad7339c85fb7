import type { FastifyInstance, FastifyRequest } from 'fastify';
import { noticePending } from './commands/accept-notice.js';
import { currentNotice } from './privacy-notice.js';

/** Set when a resident has been shown the update page for a version: they are asked once, never nagged. */
export const PROMPT_COOKIE = 'privacy_asked';

// Pages a resident must reach without being sent elsewhere: the notice itself, signing in and out, settings that
// redirect back, the QR check-in at the classroom door, and everything that is not a portal page.
const EXEMPT = /^\/(?:privacy|logout|login|register|lang\/|care-mode|checkin\/|assets\/|api\/|admin|healthz|sitemap|robots)/;

/** A browser opening a page (not a script, image, video range or form post). */
function isPageNavigation(request: FastifyRequest): boolean {
  const dest = request.headers['sec-fetch-dest'];
  if (dest !== undefined) return dest === 'document';
  return String(request.headers.accept ?? '').includes('text/html');
}

/**
 * When the privacy notice has a version the logged-in resident has not accepted, their next page view goes once to
 * `/privacy/update` (what changed, accept or not now). Anonymous visitors and public reading are never stopped.
 */
export function registerPrivacyPrompt(app: FastifyInstance) {
  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'GET' || request.actor?.kind !== 'resident' || !isPageNavigation(request)) return;
    if (EXEMPT.test(request.url) || request.cookies[PROMPT_COOKIE] === String(currentNotice().version)) return;
    if (!(await noticePending(app.core, request.actor.userId))) return;
    return reply.redirect(`/privacy/update?back=${encodeURIComponent(request.url)}`, 303);
  });
}
