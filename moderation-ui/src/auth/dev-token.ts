import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';

/**
 * A pre-handler accepting `Authorization: Bearer <DEV_API_TOKEN>`: the development stand-in for
 * staff authentication until accounts, sessions and TOTP land. Without a configured token every
 * request is refused; the config refuses a token in production.
 */
export function requireDevToken(token: string | undefined): preHandlerAsyncHookHandler {
  const expected = token ? Buffer.from(`Bearer ${token}`) : undefined;
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const given = Buffer.from(request.headers.authorization ?? '');
    if (!expected || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return reply.code(401).send({ error: 'unauthorized', message: 'a valid bearer token is required' });
    }
  };
}
