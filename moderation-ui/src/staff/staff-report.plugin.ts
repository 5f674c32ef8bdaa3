import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditRequest } from '../audit/audit-request.js';
import { htmlPage } from '../http/form-fields.js';
import { sendPage } from '../http/respond.js';
import { staffReportPage } from '../views/staff-report-page.js';
import { loadStaffReport, staffReportJson } from './report-detail.js';
import { reportIdParams, staffReportAnswer, type StaffDeps } from './staff-schemas.js';

/** `GET /api/staff/reports/:id` and `GET /staff/reports/:id`: one report for staff (each view audited; inside the staff plugin). */
export const staffReportPlugin: FastifyPluginAsyncZod<StaffDeps> = async (app, deps) => {
  app.get('/api/staff/reports/:id', { schema: { params: reportIdParams, response: { 200: staffReportAnswer } } }, async (request) => {
    const { id } = request.params;
    const detail = await loadStaffReport(deps.db, deps.keyring, id);
    await auditRequest(deps.db, request, 'report.viewed', { type: 'report', id });
    return staffReportJson(detail);
  });

  app.get('/staff/reports/:id', { schema: { params: reportIdParams, response: { 200: htmlPage } } }, async (request, reply) => {
    const { id } = request.params;
    const detail = await loadStaffReport(deps.db, deps.keyring, id);
    await auditRequest(deps.db, request, 'report.viewed', { type: 'report', id });
    return sendPage(reply, staffReportPage(request, detail));
  });
};
