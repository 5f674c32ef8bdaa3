/** Telegram channel settings. `token` undefined means the Telegram channel is off. */
export interface TelegramConfig {
  readonly token: string | undefined;
  readonly mode: 'polling' | 'webhook';
  readonly apiRoot: string;
  readonly webhookSecret: string | undefined;
}

/**
 * The whole configuration of a Relais process, parsed once at start-up by {@link loadConfig} and
 * passed down as an argument. Nothing else reads the environment.
 */
export interface RelaisConfig {
  readonly nodeEnv: 'development' | 'test' | 'production';
  readonly databaseUrl: string;
  readonly redisUrl: string;
  /** Prefix of every BullMQ key; tests use a unique one per run. */
  readonly queuePrefix: string;
  readonly telegram: TelegramConfig;
  readonly publicUrl: string;
  /** Azure Bot Service credentials; undefined turns `POST /api/messages` off. */
  readonly microsoft: { readonly appId: string; readonly appPassword: string } | undefined;
  readonly host: string;
  readonly ports: { readonly bots: number; readonly ui: number; readonly worker: number };
  /** 32-byte key that encrypts report text and contact details; required in production. */
  readonly dataKey: Buffer | undefined;
  readonly sessionSecret: string | undefined;
  readonly smtpUrl: string | undefined;
  /** Sender of digest e-mails. */
  readonly mailFrom: string;
  /** Public base URL of the moderation UI, for links in e-mails. */
  readonly moderationUrl: string;
  /** Counts below this never leave the UI (e-mail, CSV). */
  readonly smallCountThreshold: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Development-only bearer token accepted by the moderation API until real accounts exist. */
  readonly devApiToken: string | undefined;
  /** Days after release or rejection before original text and contact details are purged. */
  readonly retentionDays: number;
  /**
   * Reverse proxies (addresses, CIDR ranges, `loopback`…) whose `X-Forwarded-For` is believed, so
   * per-client limits see the client's address behind a load balancer. Empty: nobody is trusted.
   */
  readonly trustedProxies: readonly string[];
  /**
   * Open Direct Line WebSocket streams allowed at once, per conversation (every token of it) and
   * per client address, over all bot instances (`DIRECT_LINE_STREAMS_PER_CONVERSATION`, default 3;
   * `DIRECT_LINE_STREAMS_PER_ADDRESS`, default 50). A stream beyond is closed with code 4429 and
   * the client polls instead.
   */
  readonly directLineStreams: { readonly perConversation: number; readonly perAddress: number };
}
