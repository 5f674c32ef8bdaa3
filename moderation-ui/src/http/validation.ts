import type { FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import { LANGS, type Lang } from '@relais/core';
import { isUiKey, translate, type UiParams } from '../i18n/catalog.js';
import { HttpError, notFound } from './http-error.js';

const ZOD_LOCALES: Readonly<Record<Lang, () => { localeError: z.core.$ZodErrorMap }>> = {
  fr: z.locales.fr,
  en: z.locales.en,
};

/** A body or query refused by its schema: 400 `BAD_REQUEST` naming each issue, in the reader's language. */
class RequestValidationError extends HttpError {
  constructor(
    where: 'body' | 'querystring',
    private readonly issues: Readonly<Record<Lang, string>>,
  ) {
    super(400, 'BAD_REQUEST', where === 'body' ? 'error.invalidBody' : 'error.invalidQuery', { issues: issues.fr });
  }

  override messageIn(lang: Lang): string {
    return translate(lang, this.key, { issues: this.issues[lang] });
  }
}

// The numbers and strings of an issue (`minimum`, `maximum`…), as placeholders of a catalog message.
const primitives = (issue: object): UiParams =>
  Object.fromEntries(
    Object.entries(issue).filter(
      (e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number',
    ),
  );

function describe(schema: z.ZodType, data: unknown, lang: Lang, where: string): string {
  const result = schema.safeParse(data, { error: ZOD_LOCALES[lang]().localeError });
  const issues = result.success ? [] : result.error.issues;
  return issues
    .map(
      (i) =>
        `${i.path.join('.') || where}: ${isUiKey(i.message) ? translate(lang, i.message, primitives(i)) : i.message}`,
    )
    .join('; ');
}

// An empty form field (`?tunnel=`) means "no filter".
const dropEmpty = (query: unknown) =>
  Object.fromEntries(Object.entries((query ?? {}) as Record<string, unknown>).filter(([, v]) => v !== ''));

/**
 * The validator of every route schema (zod, through `fastify-type-provider-zod`'s types): bodies
 * (JSON or form; none reads as `{}`) and queries (empty values dropped; strict schemas refuse
 * unknown parameters) fail with a 400 `BAD_REQUEST` listing each issue; route parameters (ids are
 * UUIDs) with a 404, like an unknown id.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const input = httpPart === 'querystring' ? dropEmpty(data) : httpPart === 'body' ? (data ?? {}) : data;
    const result = schema.safeParse(input);
    if (result.success) return { value: result.data };
    if (httpPart === 'params') return { error: notFound() };
    const where = httpPart === 'body' ? 'body' : 'querystring';
    const label = where === 'body' ? 'body' : 'query';
    const issues = Object.fromEntries(LANGS.map((lang) => [lang, describe(schema, input, lang, label)])) as Record<
      Lang,
      string
    >;
    return { error: new RequestValidationError(where, issues) };
  };
