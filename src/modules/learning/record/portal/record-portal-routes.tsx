import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { h } from '../../../../portal/jsx.js';
import { createPortalContext, portalAssetVersion } from '../../../../portal/portal-context.js';
import { t } from '../../../../core/i18n/i18n.js';
import { loginHref } from '../../../../portal/login-back.js';
import { sendXlsx } from '../../../../core/xlsx/xlsx-reply.js';
import { shanghaiDateOf } from '../../catalogue/schedule.js';
import '../i18n/messages.js';
import { learningRecord } from '../record-queries.js';
import { recordWorkbook } from '../record-xlsx.js';
import { RecordPage, RecordPrintPage } from './record-pages.js';

const hide = { hide: true };

/** `/account/record`, its A4 print view and its .xlsx: only ever the signed-in person's own record. */
export const recordPortalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const { pageContext, sendPage } = createPortalContext(app, portalAssetVersion());

  app.get('/account/record', { config: { access: 'public' }, schema: hide }, async (request, reply) => {
    if (!request.actor) return reply.redirect(loginHref('/account/record'), 303);
    const record = await learningRecord(core, request.actor.userId);
    reply.header('Cache-Control', 'private, no-store');
    return sendPage(reply, <RecordPage ctx={await pageContext(request, reply)} record={record} />);
  });

  app.get('/account/record/print', { config: { access: 'public' }, schema: hide }, async (request, reply) => {
    if (!request.actor) return reply.redirect(loginHref('/account/record/print'), 303);
    const record = await learningRecord(core, request.actor.userId);
    reply.header('Cache-Control', 'private, no-store');
    return sendPage(reply, <RecordPrintPage locale={request.locale} record={record} />);
  });

  app.get('/account/record.xlsx', { config: { access: 'public' }, schema: hide }, async (request, reply) => {
    if (!request.actor) return reply.redirect(loginHref('/account/record'), 303);
    const record = await learningRecord(core, request.actor.userId);
    const name = `${t(request.locale, 'learning.record.file_name')}-${shanghaiDateOf(core.clock.now())}.xlsx`;
    return sendXlsx(reply, await recordWorkbook(record, request.locale), name);
  });
};
