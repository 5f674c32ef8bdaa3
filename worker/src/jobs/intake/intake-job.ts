import { UnrecoverableError, type Job } from 'bullmq';
import { z } from 'zod';
import {
  CryptoError,
  INTAKE_JOB,
  INTAKE_QUEUE,
  newReference,
  openSubmission,
  type Keyring,
  type Logger,
  type ReportSubmission,
} from '@relais/core';
import { insertReport, isKnownTunnel, type RelaisDb } from '@relais/db';
import type { JobDefinition } from '../job-definition.js';
import { toReportRow } from './to-report-row.js';

/** What the intake job needs. */
export interface IntakeJobDeps {
  readonly db: RelaisDb;
  readonly keyring: Keyring;
  readonly logger: Logger;
  readonly concurrency?: number;
}

/** Outcome of one intake job: whether this run stored the report (false: it already existed). */
export interface IntakeResult {
  readonly stored: boolean;
}

/** Why a payload can never be stored, without quoting any of its content. */
function describeInvalid(error: unknown): string {
  if (error instanceof z.ZodError) {
    return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`).join('; ');
  }
  if (error instanceof CryptoError) return error.message;
  if (error instanceof SyntaxError) return 'sealed payload is not JSON';
  throw error;
}

function open(keyring: Keyring, data: unknown): ReportSubmission {
  try {
    return openSubmission(keyring, data);
  } catch (error) {
    throw new UnrecoverableError(`invalid intake payload: ${describeInvalid(error)}`);
  }
}

const isReferenceClash = (error: unknown) =>
  typeof error === 'object' && error !== null && 'constraint' in error && error.constraint === 'reports_reference_key';

/**
 * The intake job: opens and validates the sealed submission, tags it and stores it exactly once
 * (the report id is the key; a re-run changes nothing). A malformed payload fails at once with
 * its reason; a database outage is retried with backoff.
 */
export function intakeJob(deps: IntakeJobDeps): JobDefinition<IntakeResult> {
  return {
    queue: INTAKE_QUEUE,
    name: INTAKE_JOB,
    concurrency: deps.concurrency ?? 8,
    async handle(job: Job): Promise<IntakeResult> {
      const submission = open(deps.keyring, job.data);
      const tunnel = submission.tunnel && (await isKnownTunnel(deps.db, submission.tunnel)) ? submission.tunnel : null;
      const row = toReportRow(submission, deps.keyring, { tunnel, piiFindings: [], now: new Date() });
      for (let attempt = 0; ; attempt++) {
        try {
          const stored = await insertReport(deps.db, attempt === 0 ? row : { ...row, reference: newReference() });
          deps.logger.info({ jobId: job.id, reportId: submission.id, stored }, stored ? 'report stored' : 'report already stored');
          return { stored };
        } catch (error) {
          // A receipt reference drawn twice (≈1 in 10^11): keep the report under a fresh reference.
          if (!isReferenceClash(error) || attempt >= 3) throw error;
          deps.logger.warn({ jobId: job.id, reportId: submission.id }, 'reference clash; storing under a new reference');
        }
      }
    },
  };
}
