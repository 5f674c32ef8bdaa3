import { INTAKE_JOB, INTAKE_QUEUE, intakeJobData, newReference, type IntakeJobData, type Keyring, type Logger } from '@relais/core';
import { insertFollowUpSecret, type RelaisDb } from '@relais/db';
import type { JobDefinition } from '../job-definition.js';
import { cachedTunnelLookup } from './known-tunnels.js';
import { createIntakeStore } from './intake-store.js';
import { noPiiDetector, type PiiDetector } from './pii-tagging.js';
import { localTagger, type ReportTagger } from './report-tagger.js';

/** What the intake job needs. */
export interface IntakeJobDeps {
  readonly db: RelaisDb;
  readonly keyring: Keyring;
  readonly logger: Logger;
  /**
   * Finds PII in the free text (offsets and kinds are stored); default: finds nothing. Ignored when
   * a `tagger` is given (the tagging thread uses core's `detectPii`).
   */
  readonly detectPii?: PiiDetector;
  /** Tags the reports; default: on the calling thread, with `detectPii`. */
  readonly tagger?: ReportTagger;
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
  // Concurrent jobs share one pass of tagging, one statement and one commit: round trips, not the work, bound intake.
  const store = createIntakeStore({
    db: deps.db,
    tagger: deps.tagger ?? localTagger(deps.keyring, deps.detectPii ?? noPiiDetector),
    isKnownTunnel: cachedTunnelLookup(deps.db),
    beforeSettle: deps.beforeSettle,
  });

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
