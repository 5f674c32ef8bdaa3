import { ConfigError } from '../errors/config-error.js';
import { envVariables, type EnvName, type ParsedEnv } from './env-variables.js';
import type { RelaisConfig } from './relais-config.js';

/** A plain map of environment variables, such as `process.env`. */
export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Reads the current process environment. The only function in Relais that touches `process.env`;
 * use it to hand a copy to child processes.
 */
export function currentEnvironment(): Record<string, string | undefined> {
  return { ...process.env };
}

function parseVariables(env: Environment): ParsedEnv {
  const parsed: Partial<Record<EnvName, unknown>> = {};
  for (const name of Object.keys(envVariables) as EnvName[]) {
    const raw = env[name];
    const result = envVariables[name].schema.safeParse(raw === '' ? undefined : raw);
    if (!result.success) throw new ConfigError(name, envVariables[name].expect);
    parsed[name] = result.data;
  }
  return parsed as ParsedEnv;
}

function checkCombinations(v: ParsedEnv): void {
  const production = v.NODE_ENV === 'production';
  if (production && !v.DATA_KEY) {
    throw new ConfigError(
      'DATA_KEY',
      'is required when NODE_ENV=production; generate one with: openssl rand -base64 32',
    );
  }
  if (production && !v.SESSION_SECRET) {
    throw new ConfigError(
      'SESSION_SECRET',
      'is required when NODE_ENV=production; generate one with: openssl rand -base64 48',
    );
  }
  if (production && v.DEV_API_TOKEN) {
    throw new ConfigError('DEV_API_TOKEN', 'must not be set when NODE_ENV=production (it is a development shortcut)');
  }
  if (v.TELEGRAM_BOT_TOKEN && v.TELEGRAM_MODE === 'webhook' && !v.TELEGRAM_WEBHOOK_SECRET) {
    throw new ConfigError(
      'TELEGRAM_WEBHOOK_SECRET',
      'is required when TELEGRAM_MODE=webhook; generate one with: openssl rand -hex 32',
    );
  }
  if (Boolean(v.MICROSOFT_APP_ID) !== Boolean(v.MICROSOFT_APP_PASSWORD)) {
    const missing = v.MICROSOFT_APP_ID ? 'MICROSOFT_APP_PASSWORD' : 'MICROSOFT_APP_ID';
    throw new ConfigError(
      missing,
      'must be set together with its pair MICROSOFT_APP_ID / MICROSOFT_APP_PASSWORD, or both left unset',
    );
  }
}

/**
 * Parses and validates the environment into a {@link RelaisConfig}, with defaults for local use.
 * Throws a {@link ConfigError} naming the first missing or malformed variable.
 *
 * @param env defaults to the process environment; tests pass their own map.
 */
export function loadConfig(env: Environment = process.env): RelaisConfig {
  const v = parseVariables(env);
  checkCombinations(v);
  return {
    nodeEnv: v.NODE_ENV,
    databaseUrl: v.DATABASE_URL,
    redisUrl: v.REDIS_URL,
    queuePrefix: v.QUEUE_PREFIX,
    telegram: {
      token: v.TELEGRAM_BOT_TOKEN,
      mode: v.TELEGRAM_MODE,
      apiRoot: v.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
      webhookSecret: v.TELEGRAM_WEBHOOK_SECRET,
    },
    publicUrl: (v.PUBLIC_URL ?? `http://127.0.0.1:${v.BOTS_PORT}`).replace(/\/+$/, ''),
    microsoft:
      v.MICROSOFT_APP_ID && v.MICROSOFT_APP_PASSWORD
        ? { appId: v.MICROSOFT_APP_ID, appPassword: v.MICROSOFT_APP_PASSWORD }
        : undefined,
    host: v.HOST,
    ports: { bots: v.BOTS_PORT, ui: v.UI_PORT, worker: v.WORKER_PORT },
    dataKey: v.DATA_KEY,
    sessionSecret: v.SESSION_SECRET,
    smtpUrl: v.SMTP_URL,
    mailFrom: v.MAIL_FROM,
    moderationUrl: v.MODERATION_URL.replace(/\/+$/, ''),
    smallCountThreshold: v.SMALL_COUNT_THRESHOLD,
    logLevel: v.LOG_LEVEL,
    devApiToken: v.DEV_API_TOKEN,
    retentionDays: v.RETENTION_DAYS,
    trustedProxies: v.TRUST_PROXY,
    directLineStreams: {
      perConversation: v.DIRECT_LINE_STREAMS_PER_CONVERSATION,
      perAddress: v.DIRECT_LINE_STREAMS_PER_ADDRESS,
    },
  };
}

/**
 * Start-up helper for a service's `main`: loads the config, or prints the one-line reason to
 * stderr and exits with code 1 before anything is started.
 */
export function loadConfigOrExit(env: Environment = process.env): RelaisConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`relais: configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
