export { loadConfig, loadConfigOrExit, currentEnvironment, type Environment } from './load-config.js';
export type { RelaisConfig, TelegramConfig } from './relais-config.js';
export { envVariables, type EnvName } from './env-variables.js';
