/**
 * Every encryption context Relais seals with (see {@link seal}): an envelope only opens with the
 * context it was sealed with, so a value copied to another row, column or Redis key never opens.
 * These strings are a stored format: changing one makes every value sealed under it unreadable.
 * Add a context here, never inline at a call site.
 */
export const sealingContext = {
  /** `reports.description_enc`: the free text of a report. */
  reportDescription: (reportId: string) => `report:${reportId}:description`,
  /** `reports.contact_enc`: how the reporter asked to be re-contacted. */
  reportContact: (reportId: string) => `report:${reportId}:contact`,
  /** `messages.body_enc`: a message to or from a reporter. */
  messageBody: (messageId: string) => `message:${messageId}:body`,
  /** `accounts.totp_secret_enc`: a staff or partner account's TOTP secret. */
  totpSecret: (accountId: string) => `account:${accountId}:totp`,
  /** The submission inside an intake job in Redis (BullMQ queue `intake`). */
  intakeJob: (reportId: string) => `intake:${reportId}`,
  /** The follow-up phrase and credential issued for a report, kept briefly in Redis for re-sends. */
  followUpPhrase: (reportId: string) => `follow-up-phrase:${reportId}`,
  /** A conversation draft in Redis: sealed to its own Redis key (`<prefix>:draft:<hash>`). */
  draft: (redisKey: string) => redisKey,
  /** A Telegram reply in progress (the report answered, an answer awaiting "reply or new report?"): sealed to its Redis key. */
  telegramReply: (redisKey: string) => redisKey,
  /** The activities of a Direct Line conversation: sealed to the list's Redis key (`<prefix>:dl:acts:<id>`). */
  directLineActivities: (redisKey: string) => redisKey,
} as const;
