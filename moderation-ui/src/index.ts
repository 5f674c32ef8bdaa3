/** @relais/moderation-ui: the moderation HTTP API (and, later, the web front-end and admin CLI). */
export { createModerationService, type ModerationService } from './moderation-service.js';
export { createModerationServer, type ModerationServerDeps } from './http/moderation-server.js';
