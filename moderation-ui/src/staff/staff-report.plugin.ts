import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditRequest } from '../audit/audit-request.js';
import { htmlPage } from '../http/response-content.js';
import { sendPage } from '../http/respond.js';
import { staffReportPage } from '../views/staff-report-page.js';
import { loadStaffReport, staffReportJson } from './report-detail.js';
import { reportIdParams, staffReportAnswer, type StaffDeps } from './staff-schemas.js';

/** `GET /reports/:id` of the staff API: one report for staff (each view audited; inside the staff API plugin). */
export const staffReportApiPlugin: FastifyPluginAsyncZod<StaffDeps> = async (app, deps) => {
  app.get(
    '/reports/:id',
    { schema: { params: reportIdParams, response: { 200: staffReportAnswer } } },
    async (request) => {
      const { id } = request.params;
      const detail = await loadStaffReport(deps.db, deps.keyring, id);
      await auditRequest(deps.db, request, 'report.viewed', { type: 'report', id });
      return staffReportJson(detail);
    },
  );
};

/** `GET /reports/:id` of the staff pages: the anonymisation screen (each view audited; inside the staff pages plugin). */
export const staffReportPagePlugin: FastifyPluginAsyncZod<StaffDeps> = async (app, deps) => {
  app.get(
    '/reports/:id',
    { schema: { params: reportIdParams, response: { 200: htmlPage } } },
    async (request, reply) => {
      const { id } = request.params;
      const detail = await loadStaffReport(deps.db, deps.keyring, id);
      await auditRequest(deps.db, request, 'report.viewed', { type: 'report', id });
      return sendPage(reply, staffReportPage(request, detail));
    },
  );
};
