import type { FastifyInstance } from 'fastify';
import { negotiateLocale } from '../i18n/i18n.js';
import { loadSession } from '../auth/sessions.js';
import { sessionCookieName } from '../auth/session-policy.js';
import { AppError, forbidden, unauthorized } from './errors.js';
import { checkCsrf } from './csrf.js';

/**
 * Authentication and authorization run before the body is read (401, then 403, then 400 for a bad body);
 * the CSRF check needs the parsed form, so it runs just before validation.
 */
export function registerAuthHooks(app: FastifyInstance) {
  const cookieName = sessionCookieName(app.core.config.secureCookies);
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('locale', 'zh-CN');

  app.addHook('onRequest', async (request) => {
    request.locale = negotiateLocale(request.cookies.lang, request.headers['accept-language']);
    const access = request.routeOptions.config?.access;
    if (access === undefined) return; // static files and 404s
    const token = request.cookies[cookieName];
    let expired = false;
    if (token) {
      const found = await loadSession(app.core, token);
      if (found && 'actor' in found) {
        request.actor = found.actor;
        request.sessionToken = token;
      } else expired = found !== null;
    }
    if (access === 'public') return;
    const actor = request.actor;
    if (!actor) throw unauthorized(expired ? 'auth.session_expired' : 'auth.required');
    if ((actor.passwordChangeRequired || actor.mfaSetupRequired) && !request.routeOptions.config.allowDuringSetup) {
      throw new AppError(403, 'auth.setup_required');
    }
    if (access !== 'authenticated' && !actor.permissions.has(access)) throw forbidden();
  });

  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.config?.access === undefined) return;
    checkCsrf(request);
  });
}
