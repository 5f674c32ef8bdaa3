import Fastify from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HttpError } from './http-error.js';
import { zodValidatorCompiler } from './validation.js';

const app = Fastify().withTypeProvider<ZodTypeProvider>();
app.setValidatorCompiler(zodValidatorCompiler);
app.setSerializerCompiler(serializerCompiler);
app.setErrorHandler(async (error, _request, reply) => {
  if (error instanceof HttpError)
    return reply.code(error.status).send({ error: error.code, fr: error.messageIn('fr'), en: error.messageIn('en') });
  throw error;
});
const query = z.object({ tunnel: z.string().optional(), limit: z.coerce.number().int().max(10).default(5) }).strict();
app.get(
  '/items/:id',
  {
    schema: {
      params: z.object({ id: z.uuid() }),
      querystring: query,
      response: { 200: z.object({ id: z.string(), limit: z.number(), tunnel: z.string().nullable() }) },
    },
  },
  async (request) => ({
    id: request.params.id,
    limit: request.query.limit,
    tunnel: request.query.tunnel ?? null,
    secret: 'never sent',
  }),
);
app.post(
  '/notes',
  { schema: { body: z.object({ text: z.string().min(3, 'validation.giveReason') }) } },
  async (request) => ({ text: request.body.text }),
);
afterAll(() => app.close());

const ID = '7b0f3c56-8a4e-4d8e-9a55-2f1d7f0c9e11';

describe('zodValidatorCompiler', () => {
  it('drops empty query values, applies defaults and answers only what the response schema lists', async () => {
    const r = await app.inject({ url: `/items/${ID}?tunnel=` });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ id: ID, limit: 5, tunnel: null });
  });

  it('answers a malformed id like an unknown one: 404 NOT_FOUND', async () => {
    const r = await app.inject({ url: '/items/not-a-uuid' });
    expect(r.statusCode).toBe(404);
    expect(r.json().error).toBe('NOT_FOUND');
  });

  it('refuses an unknown or invalid query parameter with 400 BAD_REQUEST naming it, in French and English', async () => {
    const r = await app.inject({ url: `/items/${ID}?limit=50` });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toBe('BAD_REQUEST');
    expect(r.json().fr).toMatch(/^Les filtres de la requête ne sont pas valides : limit: /);
    expect(r.json().en).toMatch(/^The query is not valid: limit: /);
  });

  it('translates our own rules and treats a missing body as an empty one', async () => {
    const short = await app.inject({ method: 'POST', url: '/notes', payload: { text: 'no' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().fr).toBe('Les données envoyées ne sont pas valides : text: donnez une raison.');
    expect(short.json().en).toBe('The body is not valid: text: give a reason.');
    const none = await app.inject({ method: 'POST', url: '/notes' });
    expect(none.statusCode).toBe(400);
    expect(none.json().fr).toMatch(/^Les données envoyées ne sont pas valides : text: /);
  });
});
