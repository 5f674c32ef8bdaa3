import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import { STAFF_ROLES, roleGuard } from '../auth/role-guard.js';
import { staffActionsPlugin } from './staff-actions.plugin.js';
import { staffContactPlugin } from './staff-contact.plugin.js';
import { staffQueueApiPlugin, staffQueuePagePlugin } from './staff-queue.plugin.js';
import { staffReportApiPlugin, staffReportPagePlugin } from './staff-report.plugin.js';
import type { StaffDeps } from './staff-schemas.js';

/** What the staff API and pages need. */
export interface StaffPluginOptions extends StaffDeps {
  readonly redis: Redis;
  /** Prefix of Redis keys (the queue prefix). */
  readonly keyPrefix: string;
}

/**
 * The staff API, registered under `/api/staff` (moderators and admins): its one role hook guards
 * the queue, the report, the moderation actions and the confidential contact routes inside it.
 */
export const staffApiPlugin: FastifyPluginAsyncZod<StaffPluginOptions> = async (app, deps) => {
  app.addHook('preValidation', roleGuard(deps.db, STAFF_ROLES));
  const staff: StaffDeps = { db: deps.db, keyring: deps.keyring, outbound: deps.outbound };
  await app.register(staffQueueApiPlugin, { db: deps.db, redis: deps.redis, keyPrefix: deps.keyPrefix });
  await app.register(staffReportApiPlugin, staff);
  await app.register(staffActionsPlugin, { ...staff, prefix: '/reports/:id' });
  await app.register(staffContactPlugin, { ...staff, prefix: '/reports/:id' });
};

/**
 * The staff pages, registered under `/staff` (moderators and admins): the queue and the
 * anonymisation screen, behind their one role hook; their forms post to the staff API.
 */
export const staffPagesPlugin: FastifyPluginAsyncZod<StaffPluginOptions> = async (app, deps) => {
  app.addHook('preValidation', roleGuard(deps.db, STAFF_ROLES));
  await app.register(staffQueuePagePlugin, { db: deps.db, redis: deps.redis, keyPrefix: deps.keyPrefix });
  await app.register(staffReportPagePlugin, { db: deps.db, keyring: deps.keyring, outbound: deps.outbound });
};
