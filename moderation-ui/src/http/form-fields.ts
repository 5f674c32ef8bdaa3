import { z } from 'zod';

/**
 * The fields every HTML form may carry besides its own: the CSRF token (checked before validation)
 * and where to go back to (`_return`, checked by `returnTo`). Spread into each body schema so that
 * validation keeps them.
 */
const formFields = { _csrf: z.unknown().optional(), _return: z.unknown().optional() };

/** A body schema: `shape` plus the form fields. */
export function formBody<T extends z.ZodRawShape>(shape: T) {
  return z.object({ ...formFields, ...shape });
}
