/**
 * @relais/bots: the report conversation (flow engine), the Telegram channel and, later, the web
 * chat channel, served over HTTP on BOTS_PORT.
 */
export { createBotsService, type BotsService, type BotsServiceOptions } from './bots-service.js';
export { step } from './flow/report-flow.js';
export type * from './flow/flow-types.js';
export { readFlowState, flowStateSchema } from './flow/flow-state.js';
export { DraftStore, DRAFT_TTL_SECONDS, ConversationBusyError } from './flow/draft-store.js';
export { ConversationRunner, type RenderableOutput } from './flow/conversation-runner.js';
export type { FlowServices } from './flow/flow-services.js';
export { createFlowServices, SUBMISSION_LIMIT, type FlowServicesDeps } from './services/create-flow-services.js';
export { IntakeQueue } from './intake/intake-queue.js';
export { ErasureQueue } from './maintenance/erasure-queue.js';
export { createTelegramBot, type TelegramBotDeps } from './telegram/telegram-bot.js';
export { encodeChoice, decodeChoice, CALLBACK_DATA_MAX_BYTES } from './telegram/telegram-renderer.js';
export { translate, CATALOGS, type MessageKey } from './flow/catalog.js';
export { createDirectLineEndpoint, type DirectLineEndpoint, type DirectLineEndpointDeps } from './webchat/directline-endpoint.js';
export { tunnelRoutes, type TunnelRoutesDeps } from './webchat/pages/tunnel-routes.js';
export { ReferenceReservation } from './services/reference-reservation.js';
export { createWebFollowUp, type WebFollowUp, type WebFollowUpDeps } from './webchat/follow-up/web-follow-up.js';
