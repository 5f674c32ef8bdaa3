/**
 * @relais/bots: the report conversation (flow engine), the Telegram channel and, later, the web
 * chat channel, served over HTTP on BOTS_PORT.
 */
export { createBotsService, type BotsService, type BotsServiceOptions } from './bots-service.js';
export { step } from './flow/report-flow.js';
export type * from './flow/flow-types.js';
export { DraftStore } from './flow/draft-store.js';
export { TELEGRAM_ANSWER_LIMIT } from './telegram/telegram-replies.js';
export { SUBMISSION_LIMIT } from './services/create-flow-services.js';
export { ErasureQueue } from './maintenance/erasure-queue.js';
export { translate } from './i18n/catalog.js';
export {
  createDirectLineEndpoint,
  type DirectLineEndpoint,
  type DirectLineEndpointDeps,
} from './webchat/directline-endpoint.js';
export { tunnelRoutes, type TunnelRoutesDeps } from './webchat/pages/tunnel-routes.js';
export { ReferenceReservation } from './services/reference-reservation.js';
export { createWebFollowUp, type WebFollowUp, type WebFollowUpDeps } from './webchat/follow-up/web-follow-up.js';
export { SIGN_IN_LIMITS, type SignInLimits } from './webchat/follow-up/follow-up-service.js';
