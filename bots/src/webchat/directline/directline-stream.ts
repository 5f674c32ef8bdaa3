import type { FastifyInstance } from 'fastify';
import type { Logger } from '@relais/core';
import type { ConversationStore } from './conversation-store.js';
import { bearer, type DirectLineTokens } from './directline-token.js';
import type { StreamHub } from './stream-hub.js';
import type { StreamQuota } from './stream-quota.js';

/** What the stream route needs (a part of the Direct Line routes' deps). */
interface DirectLineStreamDeps {
  readonly store: ConversationStore;
  readonly tokens: DirectLineTokens;
  readonly hub: StreamHub;
  readonly logger: Logger;
  /** Caps open streams per conversation and per address; without it streams are not capped. */
  readonly streams?: StreamQuota;
}

/** The stream URL of a conversation on the public base URL (`https:` gives `wss:`), or undefined without one. */
export function streamUrlOf(publicUrl: string | undefined, conversationId: string, token: string): string | undefined {
  if (!publicUrl) return undefined;
  const url = new URL(
    `${publicUrl.replace(/\/+$/, '')}/v3/directline/conversations/${encodeURIComponent(conversationId)}/stream`,
  );
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('t', token);
  return url.toString();
}

/** The WebSocket close code of a stream beyond a cap (4000–4999 are the application's). */
export const STREAM_CAP_CLOSE_CODE = 4429;

/**
 * `GET /v3/directline/conversations/:id/stream?t=<token>&watermark=`: a WebSocket pushing
 * `{ activities, watermark }` frames whenever any instance appends to the conversation, with
 * empty keep-alives and pings every 15 s. Capped per conversation and per address
 * (`deps.streams`): a stream beyond is closed with {@link STREAM_CAP_CLOSE_CODE}; a bad token with 4403.
 */
export function directLineStream(app: FastifyInstance, deps: DirectLineStreamDeps): void {
  app.get<{ Params: { id: string }; Querystring: { t?: string; watermark?: string } }>(
    '/v3/directline/conversations/:id/stream',
    { websocket: true },
    async (socket, request) => {
      const claims = deps.tokens.verify(request.query.t ?? bearer(request) ?? '');
      if (!claims || claims.cid !== request.params.id || !(await deps.store.find(claims.cid))) {
        socket.close(4403, 'invalid token or conversation');
        return;
      }
      const grant = deps.streams ? await deps.streams.acquire(claims.cid, request.ip) : undefined;
      if (grant && !grant.granted) {
        deps.logger.warn({ limit: `streams-per-${grant.full}` }, 'direct line stream cap reached');
        socket.close(STREAM_CAP_CLOSE_CODE, `too many streams for this ${grant.full}: poll activities instead`);
        return;
      }
      const lease = grant?.lease;
      let watermark = Number(request.query.watermark ?? 0) || 0;
      let sending = Promise.resolve();
      const push = () => {
        sending = sending
          .then(async () => {
            const next = await deps.store.since(claims.cid, watermark);
            if (next.activities.length === 0 || socket.readyState !== socket.OPEN) return;
            watermark = next.watermark;
            socket.send(JSON.stringify({ activities: next.activities, watermark: String(next.watermark) }));
          })
          .catch((e: unknown) =>
            deps.logger.warn(
              { err: { message: e instanceof Error ? e.message : String(e) } },
              'direct line stream push failed',
            ),
          );
      };
      const stop = await deps.hub.listen(deps.store.channel(claims.cid), push);
      // A peer gone without a close (a phone changing networks) answers no ping: it is cut at the
      // next beat, so its place under the stream caps is not held by a dead connection.
      let answered = true;
      socket.on('pong', () => (answered = true));
      const keepAlive = setInterval(() => {
        if (socket.readyState !== socket.OPEN) return;
        if (!answered) return socket.terminate();
        answered = false;
        socket.ping();
        socket.send('');
        lease?.renew().catch(() => undefined); // an unrenewed place expires by itself
      }, 15_000);
      const closed = () => {
        clearInterval(keepAlive);
        void stop();
        lease?.release().catch(() => undefined);
      };
      // Closed while the listener was being set up: no 'close' event is coming any more.
      if (socket.readyState !== socket.OPEN) return closed();
      socket.on('close', closed);
      socket.on('message', () => undefined); // clients only listen on the stream
      push();
    },
  );
}
