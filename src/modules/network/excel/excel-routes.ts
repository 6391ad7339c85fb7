import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import './i18n/messages.js';
import { ImportRunner } from './import-runner.js';
import { importJobRoutes, importUploadRoutes } from './import-routes.js';
import { exportRoutes } from './export-routes.js';

/** Excel in and out for the network: imports with preview and all-or-nothing commit, exports of the lists. */
export const excelRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const runner = new ImportRunner(app.core, app.log);
  // A validation or commit still running finishes before the server (and its database) goes away.
  app.addHook('onClose', async () => { await runner.drain(); });
  await app.register(importUploadRoutes(runner));
  await app.register(importJobRoutes(runner));
  await app.register(exportRoutes);
};
