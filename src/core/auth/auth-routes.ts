import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { actorContext, requestContext, userAgent } from '../http/request-context.js';
import { ProblemRefs } from '../http/route-schemas.js';
import { sessionCookieName } from './session-policy.js';
import { revokeSession, type NewSession } from './sessions.js';
import { loginWithPassword } from './commands/login.js';
import { completeMfaLogin } from './commands/login-mfa.js';
import { registerResident } from './commands/register-resident.js';
import { changeOwnPassword } from './commands/change-password.js';
import { beginMfaSetup, disableMfa, enableMfa } from './commands/mfa-setup.js';
import { loadSession } from './sessions.js';
import { MeSchema, presentMe } from './me-presenter.js';

const SessionAnswer = Type.Object({ user: MeSchema, csrfToken: Type.String() });
const LoginAnswer = Type.Union([SessionAnswer, Type.Object({ mfaRequired: Type.Literal(true), ticket: Type.String() })]);

export function setSessionCookie(app: FastifyInstance, reply: FastifyReply, session: NewSession) {
  reply.setCookie(sessionCookieName(app.core.config.secureCookies), session.token, {
    path: '/', httpOnly: true, sameSite: 'lax', secure: app.core.config.secureCookies,
  });
}

export function clearSessionCookie(app: FastifyInstance, reply: FastifyReply) {
  reply.clearCookie(sessionCookieName(app.core.config.secureCookies), { path: '/' });
}

/** Loads the new session's actor so the answer carries the same `Me` that GET /auth/me gives. */
async function sessionAnswer(app: FastifyInstance, session: NewSession) {
  const found = await loadSession(app.core, session.token);
  if (!found || !('actor' in found)) throw new Error('session vanished right after login');
  return { user: await presentMe(app.core, found.actor), csrfToken: session.csrfToken };
}

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;

  app.post('/api/v1/auth/login', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'], summary: 'Log in with username (or mobile number) and password',
      body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: false }),
      response: { 200: LoginAnswer, ...ProblemRefs(400, 401, 403) },
    },
  }, async (request, reply) => {
    const result = await loginWithPassword(core, requestContext(request), request.body.username, request.body.password, { userAgent: userAgent(request) });
    if (result.kind === 'mfa') return { mfaRequired: true as const, ticket: result.ticket };
    if (request.sessionToken) await revokeSession(core.db, request.sessionToken);
    setSessionCookie(app, reply, result.session);
    return sessionAnswer(app, result.session);
  });

  app.post('/api/v1/auth/login/mfa', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'], summary: 'Second step of a two-factor login',
      body: Type.Object({ ticket: Type.String({ minLength: 10, maxLength: 100 }), code: Type.String({ pattern: '^\\d{6}$' }) }, { additionalProperties: false }),
      response: { 200: SessionAnswer, ...ProblemRefs(400, 401, 403) },
    },
  }, async (request, reply) => {
    const { session } = await completeMfaLogin(core, requestContext(request), request.body.ticket, request.body.code, { userAgent: userAgent(request) });
    if (request.sessionToken) await revokeSession(core.db, request.sessionToken);
    setSessionCookie(app, reply, session);
    return sessionAnswer(app, session);
  });

  app.post('/api/v1/auth/logout', {
    config: { access: 'authenticated', allowDuringSetup: true },
    schema: { tags: ['auth'], summary: 'End the current session', response: { 204: Type.Null(), ...ProblemRefs(401, 403) } },
  }, async (request, reply) => {
    if (request.sessionToken) await revokeSession(core.db, request.sessionToken);
    clearSessionCookie(app, reply);
    reply.header('clear-site-data', '"cache", "storage"');
    return reply.code(204).send(null);
  });

  app.get('/api/v1/auth/me', {
    config: { access: 'authenticated', allowDuringSetup: true },
    schema: { tags: ['auth'], summary: 'The logged-in user, roles, permissions and CSRF token', response: { 200: SessionAnswer, ...ProblemRefs(401) } },
  }, async (request) => {
    const actor = actorContext(request).actor;
    return { user: await presentMe(core, actor), csrfToken: actor.csrfToken };
  });

  app.post('/api/v1/auth/register', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'], summary: 'A resident signs up (username or mobile number, password; real name, ID number, birth date, home town and village optional)',
      body: Type.Object({
        username: Type.Optional(Type.String({ maxLength: 64 })),
        phone: Type.Optional(Type.String({ maxLength: 20 })),
        password: Type.String({ minLength: 1, maxLength: 256 }),
        realName: Type.Optional(Type.String({ maxLength: 50 })),
        idNumber: Type.Optional(Type.String({ maxLength: 30, description: 'GB 11643; the birth date is taken from it' })),
        birthDate: Type.Optional(Type.String({ maxLength: 10, description: 'YYYY-MM-DD, when no ID number is given' })),
        homeTownId: Type.Optional(Type.String({ maxLength: 20 })),
        homeVillageId: Type.Optional(Type.String({ maxLength: 20, description: 'must lie in homeTownId' })),
        privacyConsent: Type.Optional(Type.Boolean({ description: 'true: accepts the privacy notice (GET /api/v1/privacy/notice); required' })),
        noticeVersion: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, description: 'the notice version read; must be the one in force' })),
        sensitivePiConsent: Type.Optional(Type.Boolean({ description: 'separate consent to the ID number; required when idNumber is given' })),
        guardian: Type.Optional(Type.Object({
          name: Type.Optional(Type.String({ maxLength: 50 })), relation: Type.Optional(Type.String({ maxLength: 20, description: 'father | mother | grandparent | other' })),
          phone: Type.Optional(Type.String({ maxLength: 20 })), consent: Type.Optional(Type.Boolean()),
        }, { additionalProperties: false, description: 'required when the birth date says the resident is under 14' })),
      }, { additionalProperties: false }),
      response: { 201: SessionAnswer, ...ProblemRefs(400, 403, 409) },
    },
  }, async (request, reply) => {
    const { privacyConsent, noticeVersion, sensitivePiConsent, guardian, ...fields } = request.body;
    const consent = { privacyNotice: privacyConsent, noticeVersion, sensitivePi: sensitivePiConsent, guardian };
    const { session } = await registerResident(core, requestContext(request), { ...fields, consent }, { userAgent: userAgent(request), channel: 'api' });
    setSessionCookie(app, reply, session);
    return reply.code(201).send(await sessionAnswer(app, session));
  });

  app.post('/api/v1/auth/password', {
    config: { access: 'authenticated', allowDuringSetup: true },
    schema: {
      tags: ['auth'], summary: 'Change own password (needs the current one)',
      body: Type.Object({ currentPassword: Type.String({ minLength: 1, maxLength: 256 }), newPassword: Type.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: false }),
      response: { 204: Type.Null(), ...ProblemRefs(400, 401, 403) },
    },
  }, async (request, reply) => {
    await changeOwnPassword(core, actorContext(request), request.body.currentPassword, request.body.newPassword);
    return reply.code(204).send(null);
  });

  app.post('/api/v1/auth/mfa/setup', {
    config: { access: 'authenticated', allowDuringSetup: true },
    schema: {
      tags: ['auth'], summary: 'Start two-step verification set-up (TOTP)',
      body: Type.Optional(Type.Object({}, { additionalProperties: false })),
      response: { 200: Type.Object({ secret: Type.String(), otpauthUrl: Type.String() }), ...ProblemRefs(401, 403, 409) },
    },
  }, async (request) => beginMfaSetup(core, actorContext(request).actor));

  app.post('/api/v1/auth/mfa/enable', {
    config: { access: 'authenticated', allowDuringSetup: true },
    schema: {
      tags: ['auth'], summary: 'Confirm a code and turn two-step verification on',
      body: Type.Object({ code: Type.String({ pattern: '^\\d{6}$' }) }, { additionalProperties: false }),
      response: { 204: Type.Null(), ...ProblemRefs(400, 401, 403) },
    },
  }, async (request, reply) => {
    await enableMfa(core, actorContext(request), request.body.code);
    return reply.code(204).send(null);
  });

  app.post('/api/v1/auth/mfa/disable', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['auth'], summary: 'Turn two-step verification off (unless a role requires it)',
      body: Type.Object({ password: Type.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: false }),
      response: { 204: Type.Null(), ...ProblemRefs(400, 401, 403) },
    },
  }, async (request, reply) => {
    await disableMfa(core, actorContext(request), request.body.password);
    return reply.code(204).send(null);
  });
};
