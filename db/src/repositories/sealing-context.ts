/**
 * Encryption contexts of sealed columns (see core `seal`): an envelope only opens with the context
 * it was sealed with, so a value moved to another row or column never opens. These strings are the
 * contract between the worker (which seals reports) and the moderation service (which opens them).
 */
export const sealingContext = {
  /** `reports.description_enc`. */
  reportDescription: (reportId: string) => `report:${reportId}:description`,
  /** `reports.contact_enc`. */
  reportContact: (reportId: string) => `report:${reportId}:contact`,
  /** `messages.body_enc`. */
  messageBody: (messageId: string) => `message:${messageId}:body`,
  /** `accounts.totp_secret_enc`. */
  totpSecret: (accountId: string) => `account:${accountId}:totp`,
} as const;
