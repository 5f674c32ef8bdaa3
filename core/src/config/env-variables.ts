import { isIP } from 'node:net';
import { userInfo } from 'node:os';
import { z } from 'zod';

/**
 * One environment variable Relais reads: its zod schema (applied to the raw string, or undefined
 * when unset) and the one-line expectation shown when the value is missing or malformed.
 */
interface EnvVariable<T> {
  readonly schema: z.ZodType<T>;
  readonly expect: string;
}

/** A whole number between `min` and `max` written in digits, `fallback` when unset. */
const wholeNumber = (min: number, max: number, fallback: number): z.ZodType<number> =>
  z
    .string()
    .regex(new RegExp(`^\\d{1,${String(max).length}}$`))
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .optional()
    .transform((v) => v ?? fallback);

const port = (fallback: number): EnvVariable<number> => ({
  schema: wholeNumber(1, 65_535, fallback),
  expect: `must be a TCP port number between 1 and 65535 (default ${fallback})`,
});

const urlString = (protocols: readonly string[]) =>
  z.string().refine((v) => {
    try {
      return protocols.includes(new URL(v).protocol);
    } catch {
      return false;
    }
  });

/** An optional URL with one of `protocols`, defaulting to `fallback`. */
function url(protocols: readonly string[], fallback: string): z.ZodType<string, string | undefined>;
/** An optional URL with one of `protocols`, undefined when unset. */
function url(protocols: readonly string[]): z.ZodType<string | undefined, string | undefined>;
function url(protocols: readonly string[], fallback?: string): z.ZodType<string | undefined, string | undefined> {
  return urlString(protocols)
    .optional()
    .transform((v) => v ?? fallback);
}

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : v));

/**
 * Every environment variable Relais reads, by name. DESIGN.md's list, plus a few operational knobs
 * (`LOG_LEVEL`, `HOST`, `QUEUE_PREFIX`, `DEV_API_TOKEN`, `RETENTION_DAYS`, `TRUST_PROXY`, `MODERATION_URL`, `MAIL_FROM`,
 * `SMALL_COUNT_THRESHOLD`).
 */
export const envVariables = {
  NODE_ENV: {
    schema: z
      .enum(['development', 'test', 'production'])
      .optional()
      .transform((v) => v ?? 'development'),
    expect: 'must be one of development, test, production',
  },
  DATABASE_URL: {
    schema: url(
      ['postgres:', 'postgresql:'],
      `postgres://${encodeURIComponent(userInfo().username)}@127.0.0.1:5432/relais`,
    ),
    expect:
      'must be a PostgreSQL URL such as postgres://user@127.0.0.1:5432/relais (default: your user name on 127.0.0.1:5432/relais)',
  },
  REDIS_URL: {
    schema: url(['redis:', 'rediss:'], 'redis://127.0.0.1:6379'),
    expect: 'must be a Redis URL such as redis://127.0.0.1:6379',
  },
  QUEUE_PREFIX: {
    schema: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,40}$/)
      .optional()
      .transform((v) => v ?? 'relais'),
    expect: 'must be 1 to 40 characters among A-Z a-z 0-9 _ - (default relais)',
  },
  TELEGRAM_BOT_TOKEN: {
    schema: z
      .string()
      .regex(/^\d{3,20}:[A-Za-z0-9_-]{20,64}$/)
      .optional()
      .or(z.literal('').transform(() => undefined)),
    expect: 'must look like 123456789:AA… as given by @BotFather (leave it unset to turn Telegram off)',
  },
  TELEGRAM_MODE: {
    schema: z
      .enum(['polling', 'webhook'])
      .optional()
      .transform((v) => v ?? 'polling'),
    expect: 'must be polling (local use) or webhook (production)',
  },
  TELEGRAM_API_ROOT: {
    schema: url(['http:', 'https:'], 'https://api.telegram.org'),
    expect: 'must be an http(s) URL of a Telegram Bot API server (default https://api.telegram.org)',
  },
  TELEGRAM_WEBHOOK_SECRET: {
    schema: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,256}$/)
      .optional()
      .or(z.literal('').transform(() => undefined)),
    expect: 'must be 16 to 256 characters among A-Z a-z 0-9 _ - ; generate one with: openssl rand -hex 32',
  },
  PUBLIC_URL: {
    // Unset: the bots on loopback at BOTS_PORT (see loadConfig), so a local port change keeps the widget working.
    schema: url(['http:', 'https:']),
    expect: 'must be the public http(s) base URL of the bots service, such as https://relais.example.org',
  },
  MICROSOFT_APP_ID: { schema: optionalText, expect: 'must be the Azure Bot app id' },
  MICROSOFT_APP_PASSWORD: { schema: optionalText, expect: 'must be the Azure Bot app password' },
  HOST: {
    schema: z
      .string()
      .min(1)
      .optional()
      .transform((v) => v ?? '127.0.0.1'),
    expect: 'must be the address services listen on (default 127.0.0.1)',
  },
  BOTS_PORT: port(3978),
  UI_PORT: port(3000),
  WORKER_PORT: port(9464),
  DATA_KEY: {
    schema: z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined || v === '') return undefined;
        const key = /^[A-Za-z0-9+/]+={0,2}$/.test(v) ? Buffer.from(v, 'base64') : Buffer.alloc(0);
        if (key.length !== 32) {
          ctx.addIssue({ code: 'custom', message: 'bad key' });
          return z.NEVER;
        }
        return key;
      }),
    expect: 'must be 32 bytes in base64; generate one with: openssl rand -base64 32',
  },
  SESSION_SECRET: {
    schema: z
      .string()
      .min(32)
      .optional()
      .or(z.literal('').transform(() => undefined)),
    expect: 'must be at least 32 characters; generate one with: openssl rand -base64 48',
  },
  SMTP_URL: {
    schema: url(['smtp:', 'smtps:']),
    expect: 'must be an smtp:// or smtps:// URL such as smtps://user:pass@mail.example.org:465',
  },
  MODERATION_URL: {
    schema: url(['http:', 'https:'], 'http://127.0.0.1:3000'),
    expect: 'must be the public http(s) base URL of the moderation UI (links in digest e-mails)',
  },
  MAIL_FROM: {
    schema: z
      .string()
      .regex(/^[^\r\n]{1,200}$/)
      .optional()
      .transform((v) => v ?? 'Relais <relais@localhost>'),
    expect: 'must be a sender such as "Relais <relais@example.org>" on one line',
  },
  SMALL_COUNT_THRESHOLD: {
    schema: wholeNumber(1, 100, 5),
    expect: 'must be a whole number between 1 and 100 (default 5): counts below it never leave the UI',
  },
  LOG_LEVEL: {
    schema: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .optional()
      .transform((v) => v ?? 'info'),
    expect: 'must be one of fatal, error, warn, info, debug, trace, silent',
  },
  DEV_API_TOKEN: {
    schema: z
      .string()
      .min(16)
      .optional()
      .or(z.literal('').transform(() => undefined)),
    expect: 'must be at least 16 characters (development only: a bearer token for the moderation API)',
  },
  TRUST_PROXY: {
    schema: z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined || v.trim() === '') return [];
        const entries = v.split(',').map((e) => e.trim());
        const valid = (e: string) => {
          if (['loopback', 'linklocal', 'uniquelocal'].includes(e)) return true;
          const [address, bits, ...rest] = e.split('/');
          if (rest.length > 0 || !address || isIP(address) === 0) return false;
          if (bits === undefined) return true;
          const max = isIP(address) === 4 ? 32 : 128;
          return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
        };
        if (!entries.every(valid)) {
          ctx.addIssue({ code: 'custom', message: 'bad proxy list' });
          return z.NEVER;
        }
        return entries;
      }),
    expect:
      'must be a comma-separated list of the reverse proxies in front of the services (IP addresses, CIDR ranges, or loopback / linklocal / uniquelocal); leave it unset when clients connect directly',
  },
  RETENTION_DAYS: {
    schema: wholeNumber(1, 3650, 365),
    expect: 'must be a whole number of days between 1 and 3650 (default 365)',
  },
  DIRECT_LINE_STREAMS_PER_CONVERSATION: {
    schema: wholeNumber(1, 100, 3),
    expect:
      'must be a whole number between 1 and 100: open WebSocket streams allowed per web chat conversation (default 3)',
  },
  DIRECT_LINE_STREAMS_PER_ADDRESS: {
    schema: wholeNumber(1, 10_000, 50),
    expect:
      'must be a whole number between 1 and 10000: open WebSocket streams allowed per client address (default 50)',
  },
} satisfies Record<string, EnvVariable<unknown>>;

/** Name of an environment variable Relais reads. */
export type EnvName = keyof typeof envVariables;

/** The parsed value of each variable, keyed by name. */
export type ParsedEnv = { [K in EnvName]: z.output<(typeof envVariables)[K]['schema']> };
