export { loadConfig, loadConfigOrExit, currentEnvironment, type Environment } from './load-config.js';
export type { RelaisConfig, TelegramConfig } from './relais-config.js';
