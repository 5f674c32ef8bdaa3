/** @relais/moderation-ui: the moderation service (HTTP API and pages for staff, partners and admins) and the admin CLI. */
export { createModerationService, type ModerationService } from './moderation-service.js';
export { provisionAccount, type ProvisionedAccount, type AccountRequest } from './accounts/provision-account.js';
export { totpCode, otpauthUri } from './auth/totp.js';
export { SESSION_COOKIE } from './auth/session-cookie.js';
export { SESSION_LIMITS } from './auth/session-store.js';
export { runCommand, type CliDeps } from './cli/commands.js';
