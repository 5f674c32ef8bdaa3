import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import { CryptoError, openIntakeJob, type IntakeJobData, type Keyring, type ReportSubmission } from '@relais/core';
import { intakeColumns, intakeRowJson } from '@relais/db';
import { describeZodError } from '../job-registry.js';
import { storedPiiFindings, type PiiDetector } from './pii-tagging.js';
import { postalPlace } from './postal-communes.js';
import { textFingerprint } from './text-fingerprint.js';
import { toReportRow } from './to-report-row.js';

/** One intake job to tag: its payload, and the fresh reference to use after a reference clash. */
export interface IntakeItem {
  readonly data: IntakeJobData;
  readonly reference: string | undefined;
}

/** What the job needs of a tagged report once it is stored. */
export interface TaggedExtra {
  readonly reportId: string;
  readonly piiFindings: number;
  readonly followUpHash: string | undefined;
}

/**
 * One intake job tagged: its row as the JSON text `insertIntakeRowsJson` takes, without its tunnel
 * (the store keeps the tunnel only when a partner scope knows it, and adds it), or why it cannot be
 * stored. Plain data, so it crosses from a tagging thread as it is.
 */
export type TaggedReport =
  | { readonly ok: true; readonly id: string; readonly json: string; readonly tunnel: string | null; readonly columns: readonly string[]; readonly extra: TaggedExtra }
  | { readonly ok: false; readonly error: { readonly message: string; readonly unrecoverable: boolean } };

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

/** The error a failed {@link TaggedReport} stands for, as the job throws it. */
export function taggingError(error: { readonly message: string; readonly unrecoverable: boolean }): Error {
  return error.unrecoverable ? new UnrecoverableError(error.message) : new Error(error.message);
}

/**
 * Opens, validates and tags intake jobs, back to back: commune and département, categories,
 * priority, PII offsets, keyed text fingerprint, and the sealed columns. A job that cannot be opened
 * or tagged comes back as its error (its reason only, never its content); the others are unaffected.
 */
export function tagReports(keyring: Keyring, detectPii: PiiDetector, items: readonly IntakeItem[], now: Date): TaggedReport[] {
  let columns: readonly string[] | undefined;
  return items.map((item): TaggedReport => {
    try {
      const submission = open(keyring, item.data);
      const place = submission.location.kind === 'fr' ? postalPlace(submission.location.postalCode) : undefined;
      const fingerprint = textFingerprint(keyring, submission.description);
      const piiFindings = storedPiiFindings(detectPii, submission.description);
      const row = toReportRow(submission, keyring, { tunnel: null, piiFindings, place, now });
      const report = { row: item.reference ? { ...row, reference: item.reference } : row, textFingerprint: fingerprint ?? null };
      columns ??= intakeColumns(row);
      return {
        ok: true,
        id: submission.id,
        json: intakeRowJson(report),
        tunnel: submission.tunnel,
        columns,
        extra: { reportId: submission.id, piiFindings: piiFindings.length, followUpHash: submission.followUp?.secretHash },
      };
    } catch (error) {
      return { ok: false, error: { message: error instanceof Error ? error.message : String(error), unrecoverable: error instanceof UnrecoverableError } };
    }
  });
}
