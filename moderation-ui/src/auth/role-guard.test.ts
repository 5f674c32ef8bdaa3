import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import '../http/request-auth.js';
import { decorateAccount } from './role-guard.js';

const app = Fastify();
app.decorateRequest('auth', null);
decorateAccount(app);
app.get('/unguarded', async (request) => ({ name: request.account.displayName }));
afterAll(() => app.close());

describe('request.account', () => {
  it('throws, naming the fix, when read on a route no role hook guards', async () => {
    const r = await app.inject({ url: '/unguarded' });
    expect(r.statusCode).toBe(500);
    expect(r.json().message).toMatch(
      /request\.account read on \/unguarded, a route without a role hook: register it in a plugin guarded by roleGuard\(\)/,
    );
  });
});
