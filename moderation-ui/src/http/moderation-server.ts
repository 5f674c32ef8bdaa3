import { readFileSync } from 'node:fs';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import type { Queue } from 'bullmq';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type { Keyring, Logger, RelaisConfig } from '@relais/core';
import { pingDatabase, type RelaisDb } from '@relais/db';
import { adminRoutes } from '../admin/admin.routes.js';
import { authRoutes, homeOf } from '../auth/auth.routes.js';
import { authentication, csrfProtection } from '../auth/authenticate.js';
import { LoginThrottle } from '../auth/login-throttle.js';
import { SessionStore } from '../auth/session-store.js';
import { partnerRoutes } from '../partner/partner.routes.js';
import { staffActionRoutes } from '../staff/staff-actions.routes.js';
import { staffContactRoutes } from '../staff/staff-contact.routes.js';
import { staffQueueRoutes } from '../staff/staff-queue.routes.js';
import { staffReportRoutes } from '../staff/staff-report.routes.js';
import { errorHandling } from './error-handler.js';
import { securityHeaders } from './security-headers.js';

/** What the moderation server needs. */
export interface ModerationServerDeps {
  readonly config: RelaisConfig;
  readonly db: RelaisDb;
  readonly redis: Redis;
  readonly logger: Logger;
  readonly keyring: Keyring;
  /** The BullMQ `outbound` queue (replies to reporters). */
  readonly outbound: Queue;
}

const APP_JS = readFileSync(new URL('../../public/app.js', import.meta.url));

/**
 * The moderation service's HTTP API and pages (port 3000): sign-in, the staff queue and
 * anonymisation screen, partner views under row-level security, admin, `GET /healthz`.
 */
export function createModerationServer(deps: ModerationServerDeps): FastifyInstance {
  const app = Fastify({
    loggerInstance: deps.logger.child({ component: 'http' }) as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 256 * 1024,
    trustProxy: false,
  });
  const prefix = deps.config.queuePrefix;
  const sessions = new SessionStore(deps.redis, prefix);
  const throttle = new LoginThrottle(deps.redis, prefix);
  void app.register(cookie);
  void app.register(formbody);
  securityHeaders(app);
  errorHandling(app);
  authentication(app, { db: deps.db, sessions });
  csrfProtection(app, { db: deps.db });

  app.get('/healthz', async (_req, reply) => {
    const [database, redis] = await Promise.all([pingDatabase(deps.db), deps.redis.ping().then(() => true, () => false)]);
    return reply.code(database && redis ? 200 : 503).send({ status: database && redis ? 'ok' : 'unavailable', database, redis });
  });
  app.get('/assets/app.js', async (_req, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(APP_JS));
  app.get('/', async (request, reply) => reply.redirect(request.auth ? homeOf(request.auth.role) : '/login', 303));

  authRoutes(app, { db: deps.db, redis: deps.redis, prefix, keyring: deps.keyring, throttle, sessions });
  const staff = { db: deps.db, keyring: deps.keyring, outbound: deps.outbound };
  staffQueueRoutes(app, { db: deps.db, redis: deps.redis, prefix, devApiToken: deps.config.devApiToken });
  staffReportRoutes(app, staff);
  staffActionRoutes(app, staff);
  staffContactRoutes(app, staff);
  partnerRoutes(app, { db: deps.db });
  adminRoutes(app, { db: deps.db, keyring: deps.keyring, sessions });
  return app;
}
