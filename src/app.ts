import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import './core/http/fastify-types.js';
import type { AppConfig } from './core/config.js';
import type { CoreContext } from './core/context.js';
import { createDatabase, type DatabaseHandle } from './core/db/database.js';
import { migrateToLatest } from './core/db/migrate.js';
import { systemClock, type Clock } from './core/time.js';
import { createFieldCrypto } from './core/pii/field-crypto.js';
import { registerProblemHandlers } from './core/http/problem.js';
import { registerValidators } from './core/http/validation.js';
import { applySecurityHeaders, registerSecurityHeaders } from './core/http/security-headers.js';
import { sendProblem } from './core/http/problem.js';
import { registerAuthHooks } from './core/http/auth-hooks.js';
import { enforceRouteAccessDeclarations, type RegisteredRoute } from './core/http/route-access.js';
import { eventLoopGauge, registerLoadShedding, type LoadGauge } from './core/http/load-shedding.js';
import { registerAdminNetworkGuard } from './core/http/admin-network.js';
import { setAlertLog } from './core/alerts/alert-sink.js';
import { healthRoutes } from './core/health-routes.js';
import { authRoutes } from './core/auth/auth-routes.js';
import { userRoutes } from './core/users/user-routes.js';
import { regionRoutes } from './core/regions/region-routes.js';
import { auditRoutes } from './core/audit/audit-routes.js';
import { settingsRoutes } from './core/settings/settings-routes.js';
import { navRoutes } from './core/nav/nav-routes.js';
import { exportOwnDataRoutes } from './core/auth/export-own-data.js';
import { ownSessionsRoutes } from './core/auth/own-sessions-routes.js';
import { profileRoutes } from './core/auth/profile-routes.js';
import { notificationRoutes } from './core/notifications/notification-routes.js';
import { startOutboxWorker } from './core/notifications/outbox-worker.js';
import { startRetentionWorker } from './core/pii/retention-worker.js';
import { platformInventories } from './core/pii/platform-inventories.js';
import { accountMessagesRoutes } from './portal/account-messages-routes.js';
import { portalRoutes } from './portal/portal-routes.js';
import { consentRoutes } from './core/consent/consent-routes.js';
import { registerPrivacyPrompt } from './core/consent/privacy-prompt.js';
import { seedDemoConsents } from './core/consent/demo-consents.js';
import { seedBase } from './core/seed/seed-base.js';
import { seedDemo } from './core/seed/seed-demo.js';
import { projectRoot } from './core/paths.js';
import { allMigrations, MODULES } from './modules/installed.js';

export interface BuildOptions {
  config: AppConfig;
  clock?: Clock;
  /** Tests pass their own database (a temp SQLite file or a private PostgreSQL schema). */
  database?: DatabaseHandle;
  /** Fastify's own logger; off in tests. */
  logger?: boolean;
  /** Sees every response body before it leaves (the test suite scans them for unmasked personal data). */
  inspectResponse?: (request: FastifyRequest, reply: FastifyReply, payload: unknown) => void;
  /** Start the modules' background work (main.ts does; tests start it themselves when they test it). */
  background?: boolean;
  /** The event-loop load reading behind load shedding (tests inject one; the real gauge otherwise). */
  loadGauge?: LoadGauge;
}

export type App = FastifyInstance & { routeRegistry: RegisteredRoute[]; database: DatabaseHandle };

/** Builds the whole platform on one database: migrates, seeds what is missing, registers every route. */
export async function buildApp(options: BuildOptions): Promise<App> {
  const { config } = options;
  const database = options.database ?? createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
  await migrateToLatest(database.db, allMigrations, database.pgSchema);

  const core: CoreContext = {
    config, db: database.db, dialect: database.dialect, sqlite: database.sqlite,
    clock: options.clock ?? systemClock, fieldCrypto: createFieldCrypto(config.dataKey),
  };
  await seedBase(core);
  for (const m of MODULES) await m.seed?.(core);
  if (config.demo) {
    await seedDemo(core);
    for (const m of MODULES) await m.seedDemo?.(core);
    await seedDemoConsents(core);
  }

  const app = Fastify({
    logger: options.logger === false || config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    ajv: { customOptions: { removeAdditional: false } },
    // Malformed URLs (bad percent-encoding, over-long ids) get the same problem+json and headers as every error.
    frameworkErrors: (error, request, reply) => {
      applySecurityHeaders(request, reply, config.secureCookies);
      return sendProblem(request, reply, error.statusCode === 414 ? 414 : 400, error.statusCode === 414 ? 'request.too_large' : 'request.invalid');
    },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;
  app.routeRegistry = [];
  app.database = database;
  app.decorate('core', core);
  app.addHook('onClose', async () => { if (!options.database) await database.close(); });

  registerValidators(app);
  registerProblemHandlers(app);
  enforceRouteAccessDeclarations(app, app.routeRegistry);
  // Before the auth hooks: a shed or off-network request costs no session lookup.
  registerLoadShedding(app, options.loadGauge ?? eventLoopGauge(), config.loadShedding);
  registerAdminNetworkGuard(app, config.adminAllowedNetworks);
  setAlertLog(app.log);
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  registerAuthHooks(app);
  registerPrivacyPrompt(app);
  registerSecurityHeaders(app, { hsts: config.secureCookies });
  if (options.inspectResponse) {
    const inspect = options.inspectResponse;
    app.addHook('onSend', async (request, reply, payload) => {
      inspect(request, reply, payload);
      return payload;
    });
  }

  await app.register(swagger, {
    openapi: {
      info: { title: 'Learning City API (学习型城市平台)', version: '1', description: 'JSON API of the platform. Cookie session; send X-CSRF-Token on writes.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'lc_session' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false });

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(userRoutes);
  await app.register(regionRoutes);
  await app.register(auditRoutes);
  await app.register(settingsRoutes);
  await app.register(navRoutes);
  await app.register(exportOwnDataRoutes);
  await app.register(ownSessionsRoutes);
  await app.register(profileRoutes);
  await app.register(notificationRoutes);
  await app.register(consentRoutes);
  await app.register(accountMessagesRoutes);
  await app.register(portalRoutes);
  for (const m of MODULES) await app.register(async (scope) => m.register(scope));
  await registerBackOffice(app);

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  // Background work (scheduled publication…) runs only in a serving app, never while tests build one to inject.
  // Hooks cannot be added once the app is ready, so the stop hook is registered first.
  const stops: Array<() => Promise<void> | void> = [];
  app.addHook('onClose', async () => { for (const stop of stops) await stop(); });
  await app.ready();
  if (options.background ?? false) for (const m of MODULES) if (m.start) stops.push(m.start(core));
  // Notifications are core's: their outbox is sent by every serving process (claims keep two from sending one row).
  if (options.background ?? false) stops.push(startOutboxWorker(core, { log: app.log }));
  // Retention (SECURITY.md P8): every inventory's purge rules, hourly, in every serving process (deletes are idempotent).
  if (options.background ?? false) stops.push(startRetentionWorker(core, platformInventories(MODULES).map((i) => i.inventory), undefined, (error) => app.log.warn({ err: error }, 'retention purge failed')));
  return app;
}

/** Serves the built back office at /admin/ with a fallback to index.html for client-side routes. */
async function registerBackOffice(app: FastifyInstance) {
  const dist = path.join(projectRoot, 'admin', 'dist');
  const index = path.join(dist, 'index.html');
  if (fs.existsSync(index)) {
    await app.register(fastifyStatic, { root: dist, prefix: '/admin/', wildcard: false, index: false, cacheControl: false,
      setHeaders: (reply, file) => reply.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache') });
  }
  const sendIndex = async (_: unknown, reply: import('fastify').FastifyReply) => {
    if (!fs.existsSync(index)) return reply.code(503).type('text/plain; charset=utf-8').send('The back office is not built yet: run `npm run build:admin`.');
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(fs.readFileSync(index));
  };
  app.get('/admin', { config: { access: 'public' }, schema: { hide: true } }, (_, reply) => reply.redirect('/admin/'));
  app.get('/admin/', { config: { access: 'public' }, schema: { hide: true } }, sendIndex);
  app.get('/admin/*', { config: { access: 'public' }, schema: { hide: true } }, (request, reply) =>
    // A missing bundle file (an old page after a rebuild) must be a 404, not index.html served as JavaScript.
    request.url.startsWith('/admin/assets/') ? reply.callNotFound() : sendIndex(request, reply));
}
