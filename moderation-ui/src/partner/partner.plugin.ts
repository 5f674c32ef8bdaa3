import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RelaisDb } from '@relais/db';
import { roleGuard } from '../auth/role-guard.js';
import { partnerDigestPlugin } from './partner-digest.plugin.js';
import { partnerReportsPlugin } from './partner-reports.plugin.js';

/** What the partner plugin needs; `smallCountThreshold` defaults to 5. */
interface PartnerPluginOptions {
  readonly db: RelaisDb;
  readonly smallCountThreshold?: number | undefined;
}

/**
 * The partner side: its one role hook (partner accounts of an active partner) guards the released
 * reports, statistics, exports, flags and the digest archive registered inside it.
 */
export const partnerPlugin: FastifyPluginAsyncZod<PartnerPluginOptions> = async (app, deps) => {
  app.addHook('preValidation', roleGuard(deps.db, ['partner']));
  await app.register(partnerReportsPlugin, deps);
  await app.register(partnerDigestPlugin, deps);
};
