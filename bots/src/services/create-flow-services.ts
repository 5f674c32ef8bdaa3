import type { Redis } from 'ioredis';
import { findSafePlacesNear, listReporterReports, type RelaisDb } from '@relais/db';
import type { FlowServices } from '../flow/flow-services.js';
import type { IntakeQueue } from '../intake/intake-queue.js';
import type { ErasureQueue } from '../maintenance/erasure-queue.js';
import { ReferenceReservation } from './reference-reservation.js';

/** What the flow's effects run on. */
export interface FlowServicesDeps {
  readonly redis: Redis;
  readonly prefix: string;
  readonly db: RelaisDb;
  readonly intake: IntakeQueue;
  readonly erasure: ErasureQueue;
}

/** The flow's effects over Redis (references, queues) and PostgreSQL (safe places, my reports). */
export function createFlowServices(deps: FlowServicesDeps): FlowServices {
  const references = new ReferenceReservation(deps.redis, deps.prefix);
  return {
    async submit(submission) {
      const reference = await references.reserve(submission.id, submission.reference);
      await deps.intake.submit({ ...submission, reference });
      return reference;
    },
    async findSafePlaces(postalCode) {
      const rows = await findSafePlacesNear(deps.db, postalCode);
      return rows.map((r) => ({ name: r.name, address: r.address, postalCode: r.postal_code, commune: r.commune, phone: r.phone, hours: r.hours }));
    },
    async listMyReports(reporterKey) {
      const rows = await listReporterReports(deps.db, reporterKey);
      return rows.map((r) => ({ reference: r.reference, status: r.status, submittedAt: new Date(r.submitted_at) }));
    },
    async requestErasure(reporterKey, requestedAt) {
      await deps.erasure.request(reporterKey, requestedAt);
    },
  };
}
