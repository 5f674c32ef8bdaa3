import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import {
  CryptoError,
  INTAKE_JOB,
  INTAKE_QUEUE,
  intakeJobData,
  newReference,
  openIntakeJob,
  type IntakeJobData,
  type Keyring,
  type Logger,
  type ReportSubmission,
} from '@relais/core';
import { insertFollowUpSecret, type RelaisDb } from '@relais/db';
import { describeZodError } from '../job-registry.js';
import type { JobDefinition } from '../job-definition.js';
import { cachedTunnelLookup } from './known-tunnels.js';
import { createIntakeStore, type Prepared } from './intake-store.js';
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
  /**
   * Called just before the jobs of a stored batch are answered: the worker holds its Redis writes
   * for the rest of that turn, so the batch's completions reach Redis in one write.
   */
  readonly beforeSettle?: () => void;
}

/** Outcome of one intake job: whether this run stored the report (false: it already existed). */
export interface IntakeResult {
  readonly stored: boolean;
  /** Present when stored as an `erased` tombstone: its reporter asked for erasure after submitting it. */
  readonly erased?: true;
}

function open(keyring: Keyring, data: IntakeJobData): ReportSubmission {
  try {
    return openIntakeJob(keyring, data);
  } catch (error) {
    if (error instanceof z.ZodError) throw new UnrecoverableError(`invalid intake payload: ${describeZodError(error)}`);
    if (error instanceof CryptoError) throw new UnrecoverableError(`invalid intake payload: ${error.message}`);
    if (error instanceof SyntaxError) throw new UnrecoverableError('invalid intake payload: sealed payload is not JSON');
    throw error;
  }
}

/** One intake job in a batch: its payload, and the fresh reference to use after a clash. */
interface IntakeItem {
  readonly data: IntakeJobData;
  readonly reference: string | undefined;
}

/** What the job needs of a prepared report once it is stored. */
interface PreparedExtra {
  readonly reportId: string;
  readonly piiFindings: number;
  readonly followUpHash: string | undefined;
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

  /** Opens and tags a batch of jobs into rows, back to back; one that cannot be opened fails alone. */
  const prepare = async (items: readonly IntakeItem[]): Promise<Prepared<PreparedExtra>[]> => {
    const opened = items.map((item) => {
      try {
        return { item, submission: open(deps.keyring, item.data) };
      } catch (error) {
        return { item, error };
      }
    });
    const tunnels = new Map<string, Promise<boolean>>();
    for (const o of opened) if (o.submission?.tunnel && !tunnels.has(o.submission.tunnel)) tunnels.set(o.submission.tunnel, isKnownTunnel(o.submission.tunnel));
    const known = new Map(await Promise.all([...tunnels].map(async ([tunnel, lookup]) => [tunnel, await lookup] as const)));
    const now = new Date();
    return opened.map(({ item, submission, error }): Prepared<PreparedExtra> => {
      if (!submission) return { ok: false, error };
      try {
        const tunnel = submission.tunnel && known.get(submission.tunnel) ? submission.tunnel : null;
        const place = submission.location.kind === 'fr' ? postalPlace(submission.location.postalCode) : undefined;
        const fingerprint = textFingerprint(deps.keyring, submission.description);
        const piiFindings = storedPiiFindings(detectPii, submission.description);
        const row = toReportRow(submission, deps.keyring, { tunnel, piiFindings, place, now });
        return {
          ok: true,
          report: { row: item.reference ? { ...row, reference: item.reference } : row, textFingerprint: fingerprint ?? null },
          extra: { reportId: submission.id, piiFindings: piiFindings.length, followUpHash: submission.followUp?.secretHash },
        };
      } catch (error) {
        return { ok: false, error };
      }
    });
  };
  // Concurrent jobs share one pass of tagging, one statement and one commit: round trips, not the work, bound intake.
  const store = createIntakeStore(deps.db, prepare, deps.beforeSettle);

  return {
    queue: INTAKE_QUEUE,
    name: INTAKE_JOB,
    schema: intakeJobData,
    async handle(data, { job }) {
      for (let attempt = 0; ; attempt++) {
        try {
          const outcome = await store({ data, reference: attempt === 0 ? undefined : newReference() });
          if (!outcome.ok) throw outcome.error;
          const { result, extra } = outcome;
          // Bindings per call, not a child logger per job: a silenced level then costs nothing.
          const ids = { jobId: job.id, reportId: extra.reportId };
          if (result.erased) {
            deps.logger.info(ids, 'report stored as an erased tombstone: its reporter asked for erasure after submitting it');
            return { stored: result.stored, erased: true };
          }
          // A web report's follow-up credential, after its report (re-runs keep the first one).
          if (extra.followUpHash) await insertFollowUpSecret(deps.db, extra.reportId, extra.followUpHash);
          deps.logger.info({ ...ids, stored: result.stored, duplicateOf: result.duplicateOf, piiFindings: extra.piiFindings }, result.stored ? 'report stored' : 'report already stored');
          return { stored: result.stored };
        } catch (error) {
          // A receipt reference drawn twice (≈1 in 10^11): keep the report under a fresh reference.
          if (!isReferenceClash(error) || attempt >= 3) throw error;
          deps.logger.warn({ jobId: job.id, reportId: data.reportId }, 'reference clash; storing under a new reference');
        }
      }
    },
  };
}
