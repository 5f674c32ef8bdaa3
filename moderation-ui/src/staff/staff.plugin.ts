import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import { STAFF_ROLES, roleGuard } from '../auth/role-guard.js';
import { staffActionsPlugin } from './staff-actions.plugin.js';
import { staffContactPlugin } from './staff-contact.plugin.js';
import { staffQueuePlugin } from './staff-queue.plugin.js';
import { staffReportPlugin } from './staff-report.plugin.js';
import type { StaffDeps } from './staff-schemas.js';

/** What the staff plugin needs. */
interface StaffPluginOptions extends StaffDeps {
  readonly redis: Redis;
  /** Prefix of Redis keys (the queue prefix). */
  readonly keyPrefix: string;
}

/**
 * The staff side (moderators and admins): its one role hook guards the queue, the report screen,
 * the moderation actions and the confidential contact routes registered inside it.
 */
export const staffPlugin: FastifyPluginAsyncZod<StaffPluginOptions> = async (app, deps) => {
  app.addHook('preValidation', roleGuard(deps.db, STAFF_ROLES));
  const staff: StaffDeps = { db: deps.db, keyring: deps.keyring, outbound: deps.outbound };
  await app.register(staffQueuePlugin, { db: deps.db, redis: deps.redis, keyPrefix: deps.keyPrefix });
  await app.register(staffReportPlugin, staff);
  await app.register(staffActionsPlugin, { ...staff, prefix: '/api/staff/reports/:id' });
  await app.register(staffContactPlugin, { ...staff, prefix: '/api/staff/reports/:id' });
};
