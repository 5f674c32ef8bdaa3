import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A development secret kept under `.relais/` (git-ignored, mode 0600): read it when it exists,
 * otherwise generate it once, so that a restart can still read what was encrypted with it.
 */
export function devSecret(stateDir: string, name: string, make: () => string): string {
  mkdirSync(stateDir, { recursive: true });
  const file = join(stateDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const value = make();
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return value;
}

/** A fresh 32-byte data key in base64 (what `openssl rand -base64 32` prints). */
export const newDataKey = () => randomBytes(32).toString('base64');

/** A fresh development API token. */
export const newToken = () => randomBytes(24).toString('base64url');
