import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OUTBOUND_JOB, seal, type OutboundJobData, sealingContext } from '@relais/core';
import { findStaffReport, insertOutboundMessage } from '@relais/db';
import { auditRequest } from '../audit/audit-request.js';
import { formBody } from '../http/form-fields.js';
import { htmlPage } from '../http/response-content.js';
import { HttpError, notFound } from '../http/http-error.js';
import { done, isFormPost, sendPage } from '../http/respond.js';
import { staffReportPage } from '../views/staff-report-page.js';
import { loadStaffReport } from './report-detail.js';
import { contactDetails } from './report-text.js';
import { reportIdParams, type StaffDeps } from './staff-schemas.js';

const replyBody = formBody({ body: z.string().trim().min(1, 'validation.writeMessage').max(4_000) });

/**
 * The confidential side of a report: reply to a reporter who asked to be re-contacted (a sealed
 * `messages` row plus an `outbound` job whose id is the message id), and reveal contact details
 * to staff (each reveal audited). Partners never reach these routes: registered inside the staff
 * API plugin under the prefix `/reports/:id` (so `/api/staff/reports/:id`).
 */
export const staffContactPlugin: FastifyPluginAsyncZod<StaffDeps> = async (app, deps) => {
  const { db, keyring } = deps;

  app.post(
    '/messages',
    { schema: { params: reportIdParams, body: replyBody, response: { 200: z.object({ messageId: z.string() }) } } },
    async (request, reply) => {
      const { id } = request.params;
      const { body } = request;
      const row = await findStaffReport(db, id);
      if (!row) throw notFound();
      if (!row.contact_method || !row.contact_enc) {
        throw new HttpError(409, 'NO_CONTACT_REQUESTED', 'error.noContactRequested');
      }
      const messageId = randomUUID();
      await db.transaction().execute(async (trx) => {
        await insertOutboundMessage(trx, {
          id: messageId,
          reportId: id,
          authorId: request.account.accountId,
          bodyEnc: seal(keyring, body.body, sealingContext.messageBody(messageId)),
        });
        await auditRequest(trx, request, 'report.reply_queued', { type: 'report', id }, { messageId });
        // Enqueued before commit: if Redis refuses, the message row is rolled back too.
        const data: OutboundJobData = { v: 1, messageId };
        await deps.outbound.add(OUTBOUND_JOB, data, {
          jobId: messageId,
          attempts: 8,
          backoff: { type: 'exponential', delay: 5_000 },
          removeOnComplete: { age: 86_400 },
        });
      });
      return done(request, reply, { messageId }, `/staff/reports/${id}`);
    },
  );

  const revealAnswer = z.object({ contact: z.unknown() });
  app.post(
    '/contact/reveal',
    {
      schema: {
        params: reportIdParams,
        response: { 200: { content: { 'application/json': { schema: revealAnswer }, ...htmlPage.content } } },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const row = await findStaffReport(db, id);
      if (!row) throw notFound();
      const contact = contactDetails(keyring, row);
      await auditRequest(
        db,
        request,
        'report.contact_revealed',
        { type: 'report', id },
        { method: row.contact_method },
      );
      if (isFormPost(request))
        return sendPage(reply, staffReportPage(request, await loadStaffReport(db, keyring, id), contact));
      return reply.send({ contact });
    },
  );
};
