import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import './notification-permissions.js';
import './i18n/messages.js';
import './own-data.js';
import { actorContext } from '../http/request-context.js';
import { forbidden, notFound } from '../http/errors.js';
import { IdParams, ProblemRefs } from '../http/route-schemas.js';
import { PageQuery, pageParams } from '../http/pagination.js';
import { EmptyBody } from '../users/user-schemas.js';
import { isInScope } from '../access/scope.js';
import { cityRegion } from '../regions/region-repository.js';
import { isoNow } from '../time.js';
import { notificationsDb } from './notifications-schema.js';
import { countUnread, listInbox, markAllRead, markRead } from './inbox-repository.js';
import { renderNotification } from './render-notification.js';
import { outboxSummary } from './outbox-summary.js';

const NotificationOut = Type.Object({
  id: Type.String(),
  topic: Type.String(),
  title: Type.String(),
  body: Type.String(),
  link: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  readAt: Type.Union([Type.String(), Type.Null()]),
});
const InboxQuery = Type.Object({ unread: Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('0')])), ...PageQuery }, { additionalProperties: false });
const UnreadOut = Type.Object({ unread: Type.Integer() });
const OutboxSummaryOut = Type.Object({
  counts: Type.Array(Type.Object({
    channel: Type.Union([Type.Literal('sms'), Type.Literal('email')]),
    status: Type.Union([Type.Literal('pending'), Type.Literal('sending'), Type.Literal('sent'), Type.Literal('failed')]),
    count: Type.Integer(),
  })),
  latestFailed: Type.Array(Type.Object({
    id: Type.String(), channel: Type.String(), topic: Type.String(), attempts: Type.Integer(),
    lastError: Type.Union([Type.String(), Type.Null()]), createdAt: Type.String(), failedAt: Type.String(),
  })),
});

/**
 * Everyone's own inbox (scope = self: every query is keyed on the caller, another user's message is a 404) and the
 * city admin's view of the delivery outbox. Marking one's own messages read is not a staff change and is not audited.
 */
export const notificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const db = notificationsDb(core);

  app.get('/api/v1/notifications', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['notifications'], summary: 'My messages, newest first', querystring: InboxQuery,
      response: { 200: Type.Object({ items: Type.Array(NotificationOut), unread: Type.Integer(), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }), ...ProblemRefs(400, 401) },
    },
  }, async (request) => {
    const { actor } = actorContext(request);
    const { page, pageSize, offset } = pageParams(request.query);
    const [{ rows, total }, unread] = await Promise.all([
      listInbox(db, actor.userId, { unreadOnly: request.query.unread === '1', offset, limit: pageSize }),
      countUnread(db, actor.userId),
    ]);
    const items = rows.map((r) => ({
      id: r.id, topic: r.topic, ...renderNotification(request.locale, r.topic, r.params), link: r.link, createdAt: r.created_at, readAt: r.read_at,
    }));
    return { items, unread, total, page, pageSize };
  });

  app.post('/api/v1/notifications/:id/read', {
    config: { access: 'authenticated' },
    schema: { tags: ['notifications'], summary: 'Mark one of my messages read', params: IdParams, body: EmptyBody, response: { 200: UnreadOut, ...ProblemRefs(400, 401, 403, 404) } },
  }, async (request) => {
    const { actor } = actorContext(request);
    if (!(await markRead(db, actor.userId, request.params.id, isoNow(core.clock)))) throw notFound('notifications.not_found');
    return { unread: await countUnread(db, actor.userId) };
  });

  app.post('/api/v1/notifications/read-all', {
    config: { access: 'authenticated' },
    schema: { tags: ['notifications'], summary: 'Mark all my messages read', body: EmptyBody, response: { 200: UnreadOut, ...ProblemRefs(400, 401, 403) } },
  }, async (request) => {
    const { actor } = actorContext(request);
    await markAllRead(db, actor.userId, isoNow(core.clock));
    return { unread: await countUnread(db, actor.userId) };
  });

  app.get('/api/v1/notifications/outbox/summary', {
    config: { access: 'notifications.outbox.read' },
    schema: { tags: ['notifications'], summary: 'Deliveries by channel and status, and the latest failures', response: { 200: OutboxSummaryOut, ...ProblemRefs(401, 403) } },
  }, async (request) => {
    const { actor } = actorContext(request);
    // The outbox spans every user of the city: a grant below the city does not cover it.
    const city = await cityRegion(core.db);
    if (!city || !isInScope(actor, 'notifications.outbox.read', city.path)) throw forbidden('notifications.outbox.city_only');
    return outboxSummary(db);
  });
};
