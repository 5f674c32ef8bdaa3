import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { HttpError } from './http-error.js';

function check<T extends z.ZodType>(schema: T, value: unknown, where: string): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.') || where}: ${i.message}`).join('; ');
    throw new HttpError(400, 'BAD_REQUEST', `The ${where} is not valid: ${issues}.`);
  }
  return result.data;
}

/** Validates a request body (JSON or form) with a zod schema; 400 `BAD_REQUEST` naming each issue. */
export function parseBody<T extends z.ZodType>(schema: T, request: FastifyRequest): z.output<T> {
  return check(schema, request.body ?? {}, 'body');
}

/** Validates a query string (empty values dropped); unknown parameters are refused by strict schemas. */
export function parseQuery<T extends z.ZodType>(schema: T, request: FastifyRequest): z.output<T> {
  // An empty form field (`?tunnel=`) means "no filter".
  const query = Object.fromEntries(Object.entries((request.query ?? {}) as Record<string, unknown>).filter(([, v]) => v !== ''));
  return check(schema, query, 'query');
}

/** Validates route parameters (ids are UUIDs; anything else is a 404, like an unknown id). */
export function parseParams<T extends z.ZodType>(schema: T, request: FastifyRequest): z.output<T> {
  const result = schema.safeParse(request.params);
  if (!result.success) throw new HttpError(404, 'NOT_FOUND', 'No such report, or you do not have access to it.');
  return result.data;
}
