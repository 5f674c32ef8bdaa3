import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { requireDevToken } from './dev-token.js';

function app(token: string | undefined) {
  const server = Fastify();
  server.get('/x', { preHandler: requireDevToken(token) }, async () => ({ ok: true }));
  return server;
}

describe('requireDevToken', () => {
  it('lets the configured bearer token through and refuses any other', async () => {
    const server = app('0123456789abcdef0123');
    expect((await server.inject({ url: '/x', headers: { authorization: 'Bearer 0123456789abcdef0123' } })).statusCode).toBe(200);
    expect((await server.inject({ url: '/x', headers: { authorization: 'Bearer 0123456789abcdef0124' } })).statusCode).toBe(401);
    expect((await server.inject({ url: '/x' })).statusCode).toBe(401);
  });
  it('refuses everything when no token is configured', async () => {
    expect((await app(undefined).inject({ url: '/x', headers: { authorization: 'Bearer ' } })).statusCode).toBe(401);
  });
});
