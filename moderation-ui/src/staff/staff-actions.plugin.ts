import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  claimReport,
  findStaffReport,
  rejectReport,
  releaseReport,
  unclaimReport,
  updateClaimedReport,
  type ModerationResult,
} from '@relais/db';
import { auditRequest } from '../audit/audit-request.js';
import { formBody } from '../http/form-fields.js';
import { HttpError, notFound } from '../http/http-error.js';
import { done, isFormPost } from '../http/respond.js';
import { redact } from '../pii/pii.js';
import { blockingFindings, dismissalHash, draftText, suggestionsFor } from './report-text.js';
import { refusalError } from './refusal.js';
import {
  CLAIM_MINUTES,
  closedAnswer,
  reportIdParams,
  versionAnswer,
  versionField,
  type StaffDeps,
} from './staff-schemas.js';

const draftBody = formBody({
  version: versionField,
  anonymisedText: z.string().max(20_000),
  staffNotes: z.string().max(5_000).optional(),
});
const suggestionBody = formBody({
  version: versionField,
  kind: z.string().regex(/^[A-Z]{2,12}$/),
  start: z.coerce.number().int().min(0),
  end: z.coerce.number().int().min(1),
});
const releaseBody = formBody({ version: versionField, anonymisedText: z.string().max(20_000).optional() });
const rejectBody = formBody({
  version: versionField,
  reason: z.string().trim().min(3, 'validation.giveReason').max(1_000),
});
const tagsBody = formBody({
  version: versionField,
  tags: z
    .union([z.array(z.string()), z.string().transform((s) => s.split(','))])
    .transform((t) => [...new Set(t.map((x) => x.trim().toLowerCase()).filter(Boolean))])
    .pipe(z.array(z.string().regex(/^[a-z0-9_-]{1,32}$/)).max(20)),
});
const priorityBody = formBody({ version: versionField, priority: z.coerce.number().int().min(0).max(2) });

function ok(result: ModerationResult): number {
  if (!result.ok) throw refusalError(result);
  return result.version;
}

/**
 * The moderator's actions on one report: claim, unclaim, save the draft, accept or dismiss an
 * automatic suggestion, release, reject, tag, set priority. Each (but claim) needs a live claim and
 * the version the moderator saw; each is audited. Registered inside the staff plugin under the
 * prefix `/api/staff/reports/:id`.
 */
export const staffActionsPlugin: FastifyPluginAsyncZod<StaffDeps> = async (app, deps) => {
  const { db, keyring } = deps;
  const pageOf = (id: string) => `/staff/reports/${id}`;
  const target = (id: string) => ({ type: 'report', id });

  app.post(
    '/claim',
    { schema: { params: reportIdParams, response: { 200: versionAnswer } } },
    async (request, reply) => {
      const { id } = request.params;
      const version = ok(
        await claimReport(db, id, request.account.accountId, new Date(Date.now() + CLAIM_MINUTES * 60_000)),
      );
      await auditRequest(db, request, 'report.claimed', target(id));
      return done(request, reply, { version }, pageOf(id));
    },
  );

  app.post(
    '/unclaim',
    { schema: { params: reportIdParams, response: { 200: versionAnswer } } },
    async (request, reply) => {
      const { id } = request.params;
      const version = ok(await unclaimReport(db, id, request.account.accountId));
      await auditRequest(db, request, 'report.unclaimed', target(id));
      return done(request, reply, { version }, '/staff');
    },
  );

  app.post(
    '/draft',
    { schema: { params: reportIdParams, body: draftBody, response: { 200: versionAnswer } } },
    async (request, reply) => {
      const { id } = request.params;
      const { body } = request;
      const change = {
        anonymised_text: body.anonymisedText,
        ...(body.staffNotes !== undefined ? { staff_notes: body.staffNotes } : {}),
      };
      const version = ok(await updateClaimedReport(db, id, request.account.accountId, body.version, change));
      await auditRequest(db, request, 'report.draft_saved', target(id));
      return done(request, reply, { version }, pageOf(id));
    },
  );

  const withSuggestion = async (id: string, body: z.output<typeof suggestionBody>) => {
    const row = await findStaffReport(db, id);
    if (!row) throw notFound();
    if (row.version !== body.version) ok({ ok: false, reason: 'version_conflict', currentVersion: row.version });
    const text = draftText(keyring, row);
    const suggestion = suggestionsFor(keyring, text, row.pii_dismissals).find(
      (s) => s.kind === body.kind && s.start === body.start && s.end === body.end,
    );
    if (!suggestion) throw new HttpError(409, 'SUGGESTION_GONE', 'error.suggestionGone');
    return { row, text, suggestion };
  };

  app.post(
    '/suggestions/accept',
    { schema: { params: reportIdParams, body: suggestionBody, response: { 200: versionAnswer } } },
    async (request, reply) => {
      const { id } = request.params;
      const { body } = request;
      const { text, suggestion } = await withSuggestion(id, body);
      const version = ok(
        await updateClaimedReport(db, id, request.account.accountId, body.version, {
          anonymised_text: redact(text, [suggestion]),
        }),
      );
      await auditRequest(db, request, 'report.pii.accepted', target(id), { kind: suggestion.kind });
      return done(request, reply, { version }, pageOf(id));
    },
  );

  app.post(
    '/suggestions/dismiss',
    { schema: { params: reportIdParams, body: suggestionBody, response: { 200: versionAnswer } } },
    async (request, reply) => {
      const { id } = request.params;
      const { body } = request;
      const { row, text, suggestion } = await withSuggestion(id, body);
      const dismissals = [...row.pii_dismissals, { kind: suggestion.kind, hash: dismissalHash(keyring, suggestion) }];
      const version = ok(
        await updateClaimedReport(db, id, request.account.accountId, body.version, {
          pii_dismissals: dismissals,
          anonymised_text: text,
        }),
      );
      await auditRequest(db, request, 'report.pii.dismissed', target(id), {
        kind: suggestion.kind,
        high: suggestion.high,
      });
      return done(request, reply, { version }, pageOf(id));
    },
  );

  app.post(
    '/release',
    { schema: { params: reportIdParams, body: releaseBody, response: { 200: closedAnswer } } },
    async (request, reply) => {
      const { id } = request.params;
      const { body } = request;
      const row = await findStaffReport(db, id);
      if (!row) throw notFound();
      const text = body.anonymisedText ?? draftText(keyring, row);
      // The server checks again: no high-confidence finding may remain unless explicitly dismissed.
      const blocking = blockingFindings(suggestionsFor(keyring, text, row.pii_dismissals));
      if (blocking.length > 0) {
        await auditRequest(db, request, 'report.release_refused', target(id), { kinds: blocking.map((f) => f.kind) });
        const kinds = [...new Set(blocking.map((f) => f.kind))].join(', ');
        throw new HttpError(
          409,
          'PII_REMAINS',
          'error.piiRemains',
          { count: blocking.length, kinds },
          { findings: blocking.map(({ kind, start, end }) => ({ kind, start, end })) },
        );
      }
      const dismissedKinds = suggestionsFor(keyring, text, row.pii_dismissals)
        .filter((s) => s.dismissed)
        .map((s) => s.kind);
      const version = await db.transaction().execute(async (trx) => {
        const v = ok(await releaseReport(trx, id, request.account.accountId, body.version, text === '' ? null : text));
        await auditRequest(trx, request, 'report.released', target(id), {
          dismissedKinds,
          wasFlagged: row.flagged_at !== null,
        });
        return v;
      });
      // Released: back to the queue whichever form it came from (the draft form returns to the report).
      return isFormPost(request) ? reply.redirect('/staff', 303) : reply.send({ version, status: 'done' });
    },
  );

  app.post(
    '/reject',
    { schema: { params: reportIdParams, body: rejectBody, response: { 200: closedAnswer } } },
    async (request, reply) => {
      const { id } = request.params;
      const { body } = request;
      const version = await db.transaction().execute(async (trx) => {
        const v = ok(await rejectReport(trx, id, request.account.accountId, body.version, body.reason));
        await auditRequest(trx, request, 'report.rejected', target(id));
        return v;
      });
      return done(request, reply, { version, status: 'rejected' }, '/staff');
    },
  );

  app.post(
    '/tags',
    { schema: { params: reportIdParams, body: tagsBody, response: { 200: versionAnswer } } },
    async (request, reply) => {
      const { id } = request.params;
      const { body } = request;
      const version = ok(
        await updateClaimedReport(db, id, request.account.accountId, body.version, { tags: body.tags }),
      );
      await auditRequest(db, request, 'report.tagged', target(id), { tags: body.tags });
      return done(request, reply, { version }, pageOf(id));
    },
  );

  app.post(
    '/priority',
    { schema: { params: reportIdParams, body: priorityBody, response: { 200: versionAnswer } } },
    async (request, reply) => {
      const { id } = request.params;
      const { body } = request;
      const version = ok(
        await updateClaimedReport(db, id, request.account.accountId, body.version, { priority: body.priority }),
      );
      await auditRequest(db, request, 'report.priority_set', target(id), { priority: body.priority });
      return done(request, reply, { version }, pageOf(id));
    },
  );
};
