import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RelaisDb } from '@relais/db';
import { roleGuard } from '../auth/role-guard.js';
import { partnerDigestApiPlugin, partnerDigestPagePlugin } from './partner-digest.plugin.js';
import { partnerReportsApiPlugin, partnerReportsPagePlugin } from './partner-reports.plugin.js';

/** What the partner API and pages need; `smallCountThreshold` defaults to 5. */
export interface PartnerPluginOptions {
  readonly db: RelaisDb;
  readonly smallCountThreshold?: number | undefined;
}

/**
 * The partner API, registered under `/api/partner`: its one role hook (partner accounts of an
 * active partner) guards the released reports, statistics, exports, flags and the digest archive.
 */
export const partnerApiPlugin: FastifyPluginAsyncZod<PartnerPluginOptions> = async (app, deps) => {
  app.addHook('preValidation', roleGuard(deps.db, ['partner']));
  // Not `deps` itself: it carries this plugin's own `prefix`, which would prefix the routes twice.
  const partner = { db: deps.db, smallCountThreshold: deps.smallCountThreshold };
  await app.register(partnerReportsApiPlugin, partner);
  await app.register(partnerDigestApiPlugin, { ...partner, prefix: '/digests' });
};

/**
 * The partner pages, registered under `/partner`, behind the same role hook: the released reports,
 * statistics and the digest archive; their forms post to the partner API.
 */
export const partnerPagesPlugin: FastifyPluginAsyncZod<PartnerPluginOptions> = async (app, deps) => {
  app.addHook('preValidation', roleGuard(deps.db, ['partner']));
  const partner = { db: deps.db, smallCountThreshold: deps.smallCountThreshold };
  await app.register(partnerReportsPagePlugin, partner);
  await app.register(partnerDigestPagePlugin, { ...partner, prefix: '/digests' });
};
