import type { Client, TestApp } from '../support/test-app.js';
import type { Call, Ids, MatrixRole, MatrixRow } from './authz-matrix.js';
import { userIdOf } from '../support/demo-roles.js';
import { notify } from '../../src/core/notifications/notify.js';

/**
 * Notifications' rows of the authorization matrix (see authz-matrix.ts for the meaning of each cell): every signed-in
 * account has its own inbox (scope = self, another's message is a 404); the outbox summary is the city admin's.
 */
const A = 'allow' as const;

// prettier-ignore
export const NOTIFICATIONS_ROWS: Record<string, MatrixRow> = {
  //                                        anon city town inst teach edit revw insp audit empl resid
  'GET /api/v1/notifications':              [401, A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
  'POST /api/v1/notifications/:id/read':    [401, A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
  'POST /api/v1/notifications/read-all':    [401, A,   A,   A,   A,    A,   A,   A,   A,    A,   A],
  'GET /api/v1/notifications/outbox/summary': [401, A, 403, 403, 403,  403, 403, 403, 403,  403, 403],
};

/** A message in the demo resident's inbox: the resident marks it read, everyone else gets a 404 for it. */
export async function notificationsSetup(t: TestApp, _clients: Record<MatrixRole, Client>): Promise<Record<string, string>> {
  const db = t.app.database.db;
  const userId = await userIdOf(t, 'resident');
  await notify(db, new Date(), { userId, topic: 'notifications.matrix', link: '/account/messages' });
  const row = await (db as any).selectFrom('notifications').select('id').where('user_id', '=', userId).where('topic', '=', 'notifications.matrix').executeTakeFirstOrThrow();
  return { notificationId: row.id };
}

export function notificationsCall(route: string, _role: MatrixRole, ids: Ids): Call | undefined {
  if (!(route in NOTIFICATIONS_ROWS)) return undefined;
  const [method, path] = route.split(' ');
  return { url: path.replace(':id', ids.extra.notificationId), body: method === 'GET' ? undefined : {} };
}
