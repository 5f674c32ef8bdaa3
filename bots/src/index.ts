/**
 * @relais/bots: the report conversation (flow engine), the Telegram channel and, later, the web
 * chat channel, served over HTTP on BOTS_PORT.
 */
export { createBotsService, type BotsService, type BotsServiceOptions } from './bots-service.js';
export { step } from './flow/report-flow.js';
export type * from './flow/flow-types.js';
export { DraftStore, DRAFT_TTL_SECONDS } from './flow/draft-store.js';
export { encodeChoice, decodeChoice } from './telegram/telegram-renderer.js';
export { createDirectLineEndpoint, type DirectLineEndpoint, type DirectLineEndpointDeps } from './webchat/directline-endpoint.js';
export { tunnelRoutes, type TunnelRoutesDeps } from './webchat/pages/tunnel-routes.js';
