import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import {
  CryptoError,
  INTAKE_JOB,
  INTAKE_QUEUE,
  intakeJobData,
  newReference,
  noPiiDetector,
  openIntakeJob,
  reportTags,
  type IntakeJobData,
  type Keyring,
  type Logger,
  type PiiDetector,
  type ReportSubmission,
  type ReportTags,
} from '@relais/core';
import {
  insertFollowUpSecret,
  insertReports,
  isKnownTunnel,
  toReportRow,
  type InsertReportResult,
  type RelaisDb,
} from '@relais/db';
import type { JobDefinition } from '../job-definition.js';
import { describeZodError } from '../job-registry.js';
import { createMicroBatcher } from './batching/micro-batcher.js';

/** What the intake job needs. */
export interface IntakeJobDeps {
  readonly db: RelaisDb;
  readonly keyring: Keyring;
  readonly logger: Logger;
  /** Finds PII in the free text (offsets and kinds are stored); default: finds nothing (the service passes core's `detectPii`). */
  readonly detectPii?: PiiDetector;
}

/** Outcome of one intake job: whether this run stored the report (false: it already existed). */
export interface IntakeResult {
  readonly stored: boolean;
  /** Present when stored as an `erased` tombstone: its reporter asked for erasure after submitting it. */
  readonly erased?: true;
}

/** One intake job in a batch: its payload, and the fresh reference to use after a reference clash. */
interface IntakeItem {
  readonly data: IntakeJobData;
  readonly reference: string | undefined;
}

/** What a batch answers for one job: the insert's outcome with the opened report, or why it failed. */
type Stored =
  | {
      readonly ok: true;
      readonly result: InsertReportResult;
      readonly submission: ReportSubmission;
      readonly tags: ReportTags;
    }
  | { readonly ok: false; readonly error: unknown };

const isReferenceClash = (error: unknown) =>
  typeof error === 'object' && error !== null && 'constraint' in error && error.constraint === 'reports_reference_key';

/** Opens a sealed submission; a payload that can never be opened is an `UnrecoverableError` with its reason (never its content). */
function open(keyring: Keyring, data: IntakeJobData): ReportSubmission {
  try {
    return openIntakeJob(keyring, data);
  } catch (error) {
    if (error instanceof z.ZodError) throw new UnrecoverableError(`invalid intake payload: ${describeZodError(error)}`);
    if (error instanceof CryptoError) throw new UnrecoverableError(`invalid intake payload: ${error.message}`);
    if (error instanceof SyntaxError)
      throw new UnrecoverableError('invalid intake payload: sealed payload is not JSON');
    throw error;
  }
}

/**
 * Whether a partner scope names a tunnel, cached per tunnel for `ttlMs` (default 30 s): intake
 * asks for every report, partner scopes change rarely. Concurrent asks for one tunnel share one
 * query; a failed query is not cached. A partner added for a new tunnel is recognised within `ttlMs`.
 */
function cachedTunnelLookup(db: RelaisDb, ttlMs = 30_000): (tunnel: string) => Promise<boolean> {
  const cache = new Map<string, { known: Promise<boolean>; until: number }>();
  return (tunnel) => {
    const hit = cache.get(tunnel);
    if (hit && hit.until > Date.now()) return hit.known;
    const known = isKnownTunnel(db, tunnel);
    if (cache.size > 10_000) cache.clear();
    cache.set(tunnel, { known, until: Date.now() + ttlMs });
    known.catch(() => cache.get(tunnel)?.known === known && cache.delete(tunnel));
    return known;
  };
}

/**
 * The intake job: opens the sealed submission, tags it (core's `reportTags`: commune and
 * département, categories, priority, PII offsets, text fingerprint; plus the tunnel when a partner
 * scope knows it) and stores it exactly once with status `received` (the report id is the key; a
 * re-run changes nothing), linked to the same reporter's near-identical earlier report if any, with
 * the follow-up credential of a web report (the hash of its secret phrase) — or as an `erased`
 * tombstone, without credential, when its reporter asked for erasure after submitting it. A payload
 * that can never be stored fails at once with its reason; a database outage is retried with backoff
 * (`INTAKE_JOB_OPTIONS`).
 *
 * Concurrent jobs share one batch (`batching/`): the batch is opened and tagged in one pass, then
 * stored by one `insertReports` statement and one commit. A job that cannot be opened fails alone.
 */
export function intakeJob(deps: IntakeJobDeps): JobDefinition<IntakeJobData, IntakeResult> {
  const detectPii = deps.detectPii ?? noPiiDetector;
  const isKnown = cachedTunnelLookup(deps.db);

  const store = createMicroBatcher(
    async (items: readonly IntakeItem[]): Promise<Stored[]> => {
      const now = new Date();
      const opened = items.map((item) => {
        try {
          const submission = open(deps.keyring, item.data);
          const report = item.reference ? { ...submission, reference: item.reference } : submission;
          return {
            ok: true as const,
            submission: report,
            tags: reportTags(report, { keyring: deps.keyring, detectPii, now }),
          };
        } catch (error) {
          return { ok: false as const, error };
        }
      });
      const tunnels = new Map<string, Promise<boolean>>();
      for (const o of opened)
        if (o.ok && o.submission.tunnel && !tunnels.has(o.submission.tunnel))
          tunnels.set(o.submission.tunnel, isKnown(o.submission.tunnel));
      const known = new Map(
        await Promise.all([...tunnels].map(async ([tunnel, lookup]) => [tunnel, await lookup] as const)),
      );
      const rows = opened.flatMap((o) =>
        o.ok
          ? [
              toReportRow(
                o.submission,
                {
                  ...o.tags,
                  tunnel: o.submission.tunnel && known.get(o.submission.tunnel) ? o.submission.tunnel : null,
                },
                deps.keyring,
              ),
            ]
          : [],
      );
      const results = await insertReports(deps.db, rows);
      let next = 0;
      return opened.map((o): Stored => (o.ok ? { ...o, result: results[next++]! } : o));
    },
    // Four batches at a time: one being opened and tagged while others are in the database.
    { maxInFlight: 4 },
  );

  return {
    queue: INTAKE_QUEUE,
    name: INTAKE_JOB,
    schema: intakeJobData,
    async handle(data, { job }) {
      for (let attempt = 0; ; attempt++) {
        try {
          const outcome = await store({ data, reference: attempt === 0 ? undefined : newReference() });
          if (!outcome.ok) throw outcome.error;
          const { result, submission, tags } = outcome;
          // Bindings per call, not a child logger per job: a silenced level then costs nothing.
          const ids = { jobId: job.id, reportId: submission.id };
          if (result.erased) {
            deps.logger.info(
              ids,
              'report stored as an erased tombstone: its reporter asked for erasure after submitting it',
            );
            return { stored: result.stored, erased: true };
          }
          // A web report's follow-up credential, after its report (re-runs keep the first one).
          const followUpHash = submission.followUp?.secretHash;
          if (followUpHash) await insertFollowUpSecret(deps.db, submission.id, followUpHash);
          deps.logger.info(
            { ...ids, stored: result.stored, duplicateOf: result.duplicateOf, piiFindings: tags.piiFindings.length },
            result.stored ? 'report stored' : 'report already stored',
          );
          return { stored: result.stored };
        } catch (error) {
          // A receipt reference drawn twice (≈1 in 10^11): keep the report under a fresh reference.
          if (!isReferenceClash(error) || attempt >= 3) throw error;
          deps.logger.warn(
            { jobId: job.id, reportId: data.reportId },
            'reference clash; storing under a new reference',
          );
        }
      }
    },
  };
}
