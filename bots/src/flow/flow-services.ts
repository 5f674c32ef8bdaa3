import { RelaisError, type ReportSubmission } from '@relais/core';
import type { ReporterReport, SafePlace } from './flow-types.js';

/**
 * Thrown by {@link FlowServices.submit} when one person sends reports faster than the service
 * accepts (a flood): nothing was queued, the draft is kept, and they can send it again after
 * `retryAfterSeconds`.
 */
export class ThrottledError extends RelaisError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      'THROTTLED',
      `too many reports from one person in a short time; the draft is kept, send it again in ${retryAfterSeconds} s`,
    );
  }
}

/** What a submission gives back to show in the receipt. */
export interface SubmitReceipt {
  /** The receipt reference: the one drafted, or a new one if it was already taken. */
  readonly reference: string;
  /** Web reports: the secret phrase of the follow-up page (shown once, stored only as a hash). */
  readonly followUpPhrase?: string;
  /** With a phrase: the follow-up page's absolute address in the report's language (from `PUBLIC_URL`). */
  readonly followUpUrl?: string;
}

/** The I/O behind the flow's effects; channels share one implementation (see `createFlowServices`). */
export interface FlowServices {
  /**
   * Puts a report durably on the intake queue and resolves with its receipt (reference and, for a
   * web report, the follow-up phrase). Submitting the same report again is harmless.
   * Throws {@link ThrottledError} when the same person has sent too many reports lately.
   */
  submit(submission: ReportSubmission): Promise<SubmitReceipt>;
  /** The safe places nearest a postal code. */
  findSafePlaces(postalCode: string): Promise<readonly SafePlace[]>;
  /** The reports sent from one channel identity (by its keyed hash). */
  listMyReports(reporterKey: string): Promise<readonly ReporterReport[]>;
  /** Asks the worker to erase every report of one channel identity. */
  requestErasure(reporterKey: string, requestedAt: Date): Promise<void>;
}
