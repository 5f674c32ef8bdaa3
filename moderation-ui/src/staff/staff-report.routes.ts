import type { FastifyInstance } from 'fastify';
import { auditRequest } from '../audit/audit-request.js';
import { requireRole } from '../auth/authenticate.js';
import { parseParams } from '../http/parse.js';
import { sendPage } from '../http/respond.js';
import { staffReportPage } from '../views/staff-report-page.js';
import { loadStaffReport, staffReportJson } from './report-detail.js';
import { reportIdParams, type StaffDeps } from './staff-deps.js';

/** `GET /api/staff/reports/:id` and `GET /staff/reports/:id`: one report for staff (each view audited). */
export function staffReportRoutes(app: FastifyInstance, deps: StaffDeps): void {
  const staff = { preHandler: requireRole(deps.db, 'moderator', 'admin') };

  app.get('/api/staff/reports/:id', staff, async (request) => {
    const { id } = parseParams(reportIdParams, request);
    const detail = await loadStaffReport(deps.db, deps.keyring, id);
    await auditRequest(deps.db, request, 'report.viewed', { type: 'report', id });
    return staffReportJson(detail);
  });

  app.get('/staff/reports/:id', staff, async (request, reply) => {
    const { id } = parseParams(reportIdParams, request);
    const detail = await loadStaffReport(deps.db, deps.keyring, id);
    await auditRequest(deps.db, request, 'report.viewed', { type: 'report', id });
    return sendPage(reply, staffReportPage(request, detail));
  });
}
