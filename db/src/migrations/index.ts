import type { Migration, MigrationProvider } from 'kysely';
import * as schema from './2026-11-22-01-schema.js';
import * as rowLevelSecurity from './2026-11-22-02-row-level-security.js';
import * as worker from './2026-11-22-10-worker.js';
import * as moderation from './2026-11-22-20-moderation.js';
import * as digestDelivery from './2026-11-22-30-digest-delivery.js';
import * as emptyScopeRule from './2026-12-01-10-empty-scope-rule.js';
import * as webFollowUp from './2026-12-01-30-web-follow-up.js';
import * as digestAggregatesOnly from './2026-12-01-40-digest-aggregates-only.js';
import * as reporterErasures from './2026-12-01-55-reporter-erasures.js';
import * as languages from './2026-12-04-40-languages.js';
import * as partnerFields from './2026-12-04-50-partner-fields.js';
import * as dangerReason from './2026-12-04-60-danger-reason.js';
import * as reporterAnswers from './2026-12-04-70-reporter-answers.js';

/** Every migration, by dated name; kysely applies them in name order. */
const migrations: Record<string, Migration> = {
  '2026-11-22-01-schema': schema,
  '2026-11-22-02-row-level-security': rowLevelSecurity,
  '2026-11-22-10-worker': worker,
  '2026-11-22-20-moderation': moderation,
  '2026-11-22-30-digest-delivery': digestDelivery,
  '2026-12-01-10-empty-scope-rule': emptyScopeRule,
  '2026-12-01-30-web-follow-up': webFollowUp,
  '2026-12-01-40-digest-aggregates-only': digestAggregatesOnly,
  '2026-12-01-55-reporter-erasures': reporterErasures,
  '2026-12-04-40-languages': languages,
  '2026-12-04-50-partner-fields': partnerFields,
  '2026-12-04-60-danger-reason': dangerReason,
  '2026-12-04-70-reporter-answers': reporterAnswers,
};

/** A kysely migration provider over {@link migrations}: works from sources and from the build alike. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
