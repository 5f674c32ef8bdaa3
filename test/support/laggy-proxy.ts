import { connect, createServer, type Socket } from 'node:net';
import { freePort } from './free-port.ts';

/** A TCP proxy that delays every chunk by `delayMs` each way, like a remote instance's link. */
export interface LaggyProxy {
  /** The proxy's port: point the client here instead of at the target. */
  readonly port: number;
  close(): Promise<void>;
}

/** Starts a proxy on 127.0.0.1 forwarding to `targetHost:targetPort`, `delayMs` late each way. */
export async function startLaggyProxy(targetHost: string, targetPort: number, delayMs: number): Promise<LaggyProxy> {
  const port = await freePort();
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(targetPort, targetHost);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket
        .on('error', () => undefined)
        .on('close', () => {
          client.destroy();
          upstream.destroy();
        });
    }
    // Timers of equal delay fire in order, so the byte stream stays in order.
    client.on('data', (chunk) => setTimeout(() => upstream.write(chunk), delayMs));
    upstream.on('data', (chunk) => setTimeout(() => client.write(chunk), delayMs));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
