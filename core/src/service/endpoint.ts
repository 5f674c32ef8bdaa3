/** Default ports of the servers a Relais service connects to, by URL scheme. */
const DEFAULT_PORTS: Readonly<Record<string, number>> = {
  'postgres:': 5432,
  'postgresql:': 5432,
  'redis:': 6379,
  'rediss:': 6379,
};

/**
 * The `host:port` a connection URL points at, without user, password or database, for messages:
 * `postgres://relais:secret@db.local/relais` gives `db.local:5432`. A URL that does not parse
 * gives `an unparsable URL` (the message must still never echo a password).
 */
export function endpointOf(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'an unparsable URL';
  }
  // postgres:///relais?host=/run/postgresql is a Unix socket: name its folder.
  const host = parsed.hostname || parsed.searchParams.get('host') || 'localhost';
  const port = parsed.port || String(DEFAULT_PORTS[parsed.protocol] ?? '');
  return port ? `${host}:${port}` : host;
}

/** The port number `url` points at (its scheme's default when absent), or undefined if it does not parse. */
export function portOf(url: string): number | undefined {
  try {
    const parsed = new URL(url);
    return parsed.port ? Number(parsed.port) : DEFAULT_PORTS[parsed.protocol];
  } catch {
    return undefined;
  }
}

/**
 * `text` with every URL password replaced by `***` and every string of `secrets` (keys, tokens)
 * removed, so a start-up line can quote a library's message safely.
 */
export function withoutSecrets(text: string, secrets: readonly string[] = []): string {
  let clean = text.replace(/([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*):[^\s@/]*@/gi, '$1:***@');
  for (const secret of secrets) if (secret.length >= 4) clean = clean.split(secret).join('***');
  return clean;
}
