import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import {
  CryptoError,
  INTAKE_JOB,
  INTAKE_QUEUE,
  intakeJobData,
  newReference,
  openSubmission,
  type IntakeJobData,
  type Keyring,
  type Logger,
  type ReportSubmission,
} from '@relais/core';
import { insertFollowUpSecret, type RelaisDb } from '@relais/db';
import { describeZodError } from '../job-registry.js';
import type { JobDefinition } from '../job-definition.js';
import { cachedTunnelLookup } from './known-tunnels.js';
import { createIntakeStore } from './intake-store.js';
import { noPiiDetector, storedPiiFindings, type PiiDetector } from './pii-tagging.js';
import { postalPlace } from './postal-communes.js';
import { textFingerprint } from './text-fingerprint.js';
import { toReportRow } from './to-report-row.js';

/** What the intake job needs. */
export interface IntakeJobDeps {
  readonly db: RelaisDb;
  readonly keyring: Keyring;
  readonly logger: Logger;
  /** Finds PII in the free text (offsets and kinds are stored); default: finds nothing. */
  readonly detectPii?: PiiDetector;
}

/** Outcome of one intake job: whether this run stored the report (false: it already existed). */
export interface IntakeResult {
  readonly stored: boolean;
  /** Present when stored as an `erased` tombstone: its reporter asked for erasure after submitting it. */
  readonly erased?: true;
}

function open(keyring: Keyring, data: IntakeJobData): ReportSubmission {
  try {
    return openSubmission(keyring, data);
  } catch (error) {
    if (error instanceof z.ZodError) throw new UnrecoverableError(`invalid intake payload: ${describeZodError(error)}`);
    if (error instanceof CryptoError) throw new UnrecoverableError(`invalid intake payload: ${error.message}`);
    if (error instanceof SyntaxError) throw new UnrecoverableError('invalid intake payload: sealed payload is not JSON');
    throw error;
  }
}

const isReferenceClash = (error: unknown) =>
  typeof error === 'object' && error !== null && 'constraint' in error && error.constraint === 'reports_reference_key';

/**
 * The intake job: opens the sealed submission, tags it (known tunnel, commune and département,
 * categories, priority, PII offsets, possible duplicate of the same reporter's earlier report) and
 * stores it exactly once with status `received` (the report id is the key; a re-run changes
 * nothing), with the follow-up credential of a web report (the hash of its secret phrase) — or as
 * an `erased` tombstone, without credential, when its reporter asked for erasure after submitting
 * it. A payload that can never be stored fails at once with its reason; a database outage is
 * retried with backoff (`INTAKE_JOB_OPTIONS`).
 */
export function intakeJob(deps: IntakeJobDeps): JobDefinition<IntakeJobData, IntakeResult> {
  const detectPii = deps.detectPii ?? noPiiDetector;
  const isKnownTunnel = cachedTunnelLookup(deps.db);
  // Concurrent jobs share one statement and one commit: database round trips, not the work, bound intake.
  const store = createIntakeStore(deps.db);
  return {
    queue: INTAKE_QUEUE,
    name: INTAKE_JOB,
    schema: intakeJobData,
    async handle(data, { job }) {
      const submission = open(deps.keyring, data);
      // Bindings per call, not a child logger per job: a silenced level then costs nothing.
      const ids = { jobId: job.id, reportId: submission.id };
      const tunnel = submission.tunnel && (await isKnownTunnel(submission.tunnel)) ? submission.tunnel : null;
      const place = submission.location.kind === 'fr' ? postalPlace(submission.location.postalCode) : undefined;
      const fingerprint = textFingerprint(deps.keyring, submission.description);
      const piiFindings = storedPiiFindings(detectPii, submission.description);
      const row = toReportRow(submission, deps.keyring, { tunnel, piiFindings, place, now: new Date() });
      for (let attempt = 0; ; attempt++) {
        try {
          const report = { row: attempt === 0 ? row : { ...row, reference: newReference() }, textFingerprint: fingerprint ?? null };
          const { stored, duplicateOf, erased } = await store(report);
          if (erased) {
            deps.logger.info(ids, 'report stored as an erased tombstone: its reporter asked for erasure after submitting it');
            return { stored, erased: true };
          }
          // A web report's follow-up credential, after its report (re-runs keep the first one).
          if (submission.followUp) await insertFollowUpSecret(deps.db, submission.id, submission.followUp.secretHash);
          deps.logger.info({ ...ids, stored, duplicateOf, piiFindings: piiFindings.length }, stored ? 'report stored' : 'report already stored');
          return { stored };
        } catch (error) {
          // A receipt reference drawn twice (≈1 in 10^11): keep the report under a fresh reference.
          if (!isReferenceClash(error) || attempt >= 3) throw error;
          deps.logger.warn(ids, 'reference clash; storing under a new reference');
        }
      }
    },
  };
}
