/**
 * Keys whose values never reach a log line, wherever they appear in a logged object (two levels
 * deep, plus the usual HTTP carriers). Report content, contact details, identities and secrets.
 */
const REDACTED_KEYS = [
  'description',
  'text',
  'anonymisedText',
  'originalText',
  'contact',
  'contactValue',
  'email',
  'phone',
  'name',
  'firstName',
  'lastName',
  'username',
  'chatId',
  'chat_id',
  'userId',
  'user_id',
  'telegramId',
  'from',
  'chat',
  'message',
  'body',
  'payload',
  'sealed',
  'token',
  'password',
  'secret',
  'authorization',
  'cookie',
  'dataKey',
] as const;

/** pino `redact.paths` built from {@link REDACTED_KEYS}: at the top level, one and two levels down. */
export function redactionPaths(): string[] {
  const paths: string[] = [];
  for (const key of REDACTED_KEYS) {
    paths.push(key, `*.${key}`, `*.*.${key}`);
  }
  paths.push('req.headers.authorization', 'req.headers.cookie', 'req.headers["x-telegram-bot-api-secret-token"]');
  paths.push('req.url', 'req.query');
  return paths;
}
