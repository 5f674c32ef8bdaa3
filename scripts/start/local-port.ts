import { createServer } from 'node:net';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** File under `.relais/` where `npm start` keeps the ports of the servers it started, by name. */
export const PORTS_FILE = 'local-ports.json';

/** Whether a server could listen on `port` at `host`: false when taken, undefined when the address does not exist here (no IPv6). */
function canListen(port: number, host: string): Promise<boolean | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) =>
      resolve(error.code === 'EADDRNOTAVAIL' || error.code === 'EAFNOSUPPORT' ? undefined : false),
    );
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Whether nothing listens on `port` on the loopback addresses (127.0.0.1 and, where it exists, ::1). */
export async function isPortFree(port: number): Promise<boolean> {
  for (const host of ['127.0.0.1', '::1']) if ((await canListen(port, host)) === false) return false;
  return true;
}

/** A TCP port free on the loopback addresses right now, picked by the OS. */
export async function anyFreePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    if (await isPortFree(port)) return port;
  }
}

/** The port {@link chooseLocalPort} chose, and why. */
export interface ChosenPort {
  readonly port: number;
  /** Set when the preferred port (stored from last time, else the default) was taken: that port. */
  readonly taken?: number;
}

function storedPorts(stateDir: string): Record<string, number> {
  const file = join(stateDir, PORTS_FILE);
  if (!existsSync(file)) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, number>) : {};
  } catch {
    return {};
  }
}

/**
 * The port for a local server `npm start` runs (`name`: `postgres`, `redis`): the one it used last
 * time in this state dir when it is free (the data in the state dir stays with the same server),
 * else `defaultPort` when free, else one the OS picks, so two checkouts on one machine do not
 * collide. Remembers the choice in `.relais/local-ports.json`.
 */
export async function chooseLocalPort(stateDir: string, name: string, defaultPort: number): Promise<ChosenPort> {
  const stored = storedPorts(stateDir);
  const previous = stored[name];
  const preferred = Number.isInteger(previous) && previous! > 0 && previous! < 65_536 ? previous! : defaultPort;
  let chosen: ChosenPort;
  if (await isPortFree(preferred)) chosen = { port: preferred };
  else if (preferred !== defaultPort && (await isPortFree(defaultPort)))
    chosen = { port: defaultPort, taken: preferred };
  else chosen = { port: await anyFreePort(), taken: preferred };
  mkdirSync(stateDir, { recursive: true });
  writeFileSync(join(stateDir, PORTS_FILE), `${JSON.stringify({ ...stored, [name]: chosen.port })}\n`);
  return chosen;
}
