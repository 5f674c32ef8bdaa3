import type { RelaisConfig } from '@relais/core';
import { freePort } from './free-port.ts';

/**
 * `config` with its bots port and `PUBLIC_URL` set to a port free on loopback: a bots service
 * listening on `port` builds its stream URLs and page CSP from `PUBLIC_URL` (never from `Host`),
 * so tests must listen where `PUBLIC_URL` says.
 */
export async function atFreePublicUrl(config: RelaisConfig): Promise<{ config: RelaisConfig; port: number }> {
  const port = await freePort();
  return { config: { ...config, publicUrl: `http://127.0.0.1:${port}`, ports: { ...config.ports, bots: port } }, port };
}
