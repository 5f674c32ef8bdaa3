import { z } from 'zod';
import { openJson, sealJson } from '../crypto/envelope.js';
import type { Keyring } from '../crypto/keyring.js';
import { sealingContext } from '../crypto/sealing-contexts.js';
import { reportSubmission, type ReportSubmission } from '../report/report-submission.js';

/** Name of the BullMQ queue that carries new reports from the bots to the worker. */
export const INTAKE_QUEUE = 'intake';

/** Name of the one job kind on {@link INTAKE_QUEUE}. */
export const INTAKE_JOB = 'store-report';

/**
 * What an intake job carries in Redis: the report id (also the job id) and the submission sealed
 * with the data key, so no report text or contact detail is ever readable in Redis.
 */
export const intakeJobData = z.object({
  v: z.literal(1),
  reportId: z.uuid(),
  sealed: z.base64(),
});

/** Payload of an intake job (see {@link intakeJobData}). */
export type IntakeJobData = z.infer<typeof intakeJobData>;

const context = sealingContext.intakeJob;

/** Seals a submission into an intake job payload. */
export function sealSubmission(keyring: Keyring, submission: ReportSubmission): IntakeJobData {
  return {
    v: 1,
    reportId: submission.id,
    sealed: sealJson(keyring, submission, context(submission.id)).toString('base64'),
  };
}

/**
 * Opens and validates an intake job payload. Throws a `CryptoError` when it cannot be opened and a
 * `ZodError` when the payload or the submission inside is malformed; both can never succeed.
 */
export function openSubmission(keyring: Keyring, data: unknown): ReportSubmission {
  return openIntakeJob(keyring, intakeJobData.parse(data));
}

/**
 * {@link openSubmission} for a payload already validated by {@link intakeJobData} (the worker's job
 * registry checks every payload against its schema first): opens it and validates the submission.
 */
export function openIntakeJob(keyring: Keyring, job: IntakeJobData): ReportSubmission {
  const submission = reportSubmission.parse(
    openJson(keyring, Buffer.from(job.sealed, 'base64'), context(job.reportId)),
  );
  if (submission.id !== job.reportId)
    throw new z.ZodError([
      { code: 'custom', path: ['reportId'], message: 'does not match the sealed report id', input: undefined },
    ]);
  return submission;
}
