import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A static page on loopback standing for another page's bytes: its document has `documentBytes`
 * bytes of body and it loads, all referenced from the document itself (no script fetching another),
 * one static asset per entry of `assetBytes`, of that many bytes of body. The baseline of the
 * widget's first-message bench: the same bytes and requests, without the chain of requests and
 * the server's work in between. Sizes can be changed between loads (`resize`), so a calibration
 * load can make the transferred bytes, headers included, equal the measured page's.
 */
export interface StaticTwin {
  /** The page's address. */
  readonly url: string;
  /** Body sizes from now on: the document's, and each asset's. */
  resize(documentBytes: number, assetBytes: readonly number[]): void;
  close(): Promise<void>;
}

/** A comment of exactly `bytes` bytes (at least 4), valid as the whole of a script. */
const filler = (bytes: number) => `/*${'x'.repeat(Math.max(0, bytes - 4))}*/`;

/** Starts a {@link StaticTwin}. */
export async function startStaticTwin(documentBytes: number, assetBytes: readonly number[]): Promise<StaticTwin> {
  let sizes = { documentBytes, assetBytes: [...assetBytes] };
  const page = () => {
    const head = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Page statique</title></head><body><main><h1>Page statique</h1>${sizes.assetBytes.map((_, i) => `<script src="/asset/${i}.js" defer></script>`).join('')}<p>`;
    const tail = '</p></main></body></html>';
    return head + 'x'.repeat(Math.max(0, sizes.documentBytes - head.length - tail.length)) + tail;
  };
  const server: Server = createServer((request, response) => {
    const asset = /^\/asset\/(\d+)\.js$/.exec(request.url ?? '');
    const body = asset ? filler(sizes.assetBytes[Number(asset[1])] ?? 0) : request.url === '/' ? page() : undefined;
    if (body === undefined) return response.writeHead(404).end();
    response
      .writeHead(200, {
        'content-type': asset ? 'text/javascript' : 'text/html; charset=utf-8',
        'content-length': Buffer.byteLength(body),
        'cache-control': 'no-store',
      })
      .end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    resize(d, a) {
      sizes = { documentBytes: d, assetBytes: [...a] };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
