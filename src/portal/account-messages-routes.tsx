import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { h } from './jsx.js';
import { createPortalContext, portalAssetVersion } from './portal-context.js';
import { NotFoundPage } from './pages/text-page.js';
import { MessagesPage } from './pages/messages-page.js';
import { t as coreT } from '../core/i18n/i18n.js';
import { isoNow } from '../core/time.js';
import { IdParams } from '../core/http/route-schemas.js';
import '../core/notifications/i18n/messages.js';
import { notificationsDb } from '../core/notifications/notifications-schema.js';
import { countUnread, listInbox, markAllRead, markRead } from '../core/notifications/inbox-repository.js';
import { renderNotification } from '../core/notifications/render-notification.js';

const hide = { hide: true };
const PAGE_SIZE = 20;
const PageField = Type.Optional(Type.String({ maxLength: 6, pattern: '^[1-9][0-9]{0,5}$' }));
const ReadBody = Type.Object({ page: PageField }, { additionalProperties: false });

/** The portal's inbox: `/account/messages`, with plain forms (CSRF token) to mark messages read. */
export const accountMessagesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const db = notificationsDb(core);
  const { pageContext, sendPage } = createPortalContext(app, portalAssetVersion());

  async function inboxPage(request: FastifyRequest, reply: FastifyReply, page: number, extra: { errors?: string[]; status?: number } = {}) {
    const userId = request.actor!.userId;
    const [unread, first] = await Promise.all([countUnread(db, userId), listInbox(db, userId, { unreadOnly: false, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE })]);
    const pages = Math.max(1, Math.ceil(first.total / PAGE_SIZE));
    // A page past the end (messages were read elsewhere, a stale link) shows the last one.
    const { rows } = page > pages ? await listInbox(db, userId, { unreadOnly: false, offset: (pages - 1) * PAGE_SIZE, limit: PAGE_SIZE }) : first;
    const messages = rows.map((r) => ({ id: r.id, ...renderNotification(request.locale, r.topic, r.params), link: r.link, createdAt: r.created_at, read: r.read_at !== null }));
    const ctx = await pageContext(request, reply);
    return sendPage(reply, <MessagesPage ctx={ctx} messages={messages} unread={unread} page={Math.min(page, pages)} pages={pages} errors={extra.errors} />, extra.status ?? 200);
  }

  const backTo = (page: string | undefined) => (page && page !== '1' ? `/account/messages?page=${page}` : '/account/messages');

  app.get('/account/messages', {
    config: { access: 'public' }, attachValidation: true,
    schema: { ...hide, querystring: Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })) }) },
  }, async (request, reply) => {
    if (!request.actor) return reply.redirect('/login', 303);
    // A mangled page number is not worth an error page: show the first page.
    return inboxPage(request, reply, request.validationError ? 1 : request.query.page ?? 1);
  });

  app.post('/account/messages/:id/read', {
    config: { access: 'public' }, attachValidation: true, schema: { ...hide, params: IdParams, body: ReadBody },
  }, async (request, reply) => {
    if (!request.actor) return reply.redirect('/login', 303);
    if (request.validationError) return inboxPage(request, reply, 1, { errors: [coreT(request.locale, 'request.invalid')], status: 400 });
    if (!(await markRead(db, request.actor.userId, request.params.id, isoNow(core.clock)))) {
      return sendPage(reply, <NotFoundPage ctx={await pageContext(request, reply)} />, 404);
    }
    return reply.redirect(backTo(request.body?.page), 303);
  });

  app.post('/account/messages/read-all', {
    config: { access: 'public' }, attachValidation: true, schema: { ...hide, body: Type.Optional(Type.Object({}, { additionalProperties: false })) },
  }, async (request, reply) => {
    if (!request.actor) return reply.redirect('/login', 303);
    if (request.validationError) return inboxPage(request, reply, 1, { errors: [coreT(request.locale, 'request.invalid')], status: 400 });
    await markAllRead(db, request.actor.userId, isoNow(core.clock));
    return reply.redirect('/account/messages', 303);
  });
};
