import { randomUUID } from 'node:crypto';
import {
  openMessageBody,
  parseReference,
  sealMessageBody,
  type Keyring,
  type Logger,
  type RateCounter,
  type RateLimit,
  type RateLimiter,
  type ReportStatus,
} from '@relais/core';
import {
  findFollowUpByReference,
  findFollowUpReport,
  insertReporterMessage,
  listFollowUpMessages,
  type RelaisDb,
} from '@relais/db';
import { answerSaysDanger } from '../../flow/validators/answer-danger.js';
import type { ErasureQueue } from '../../maintenance/erasure-queue.js';
import type { FollowUpSecrets } from './follow-up-secrets.js';
import type { FollowUpSessions } from './follow-up-sessions.js';

/** Answers one follow-up session may send: enough for a conversation, not for a flood. */
const ANSWER_LIMIT: RateLimit = { max: 10, windowSeconds: 3600 };

/** The three sign-in limits of {@link SIGN_IN_LIMITS}. */
export interface SignInLimits {
  readonly perReferenceAddress: RateLimit;
  readonly perAddress: RateLimit;
  readonly perReference: RateLimit;
}

/**
 * Wrong secrets allowed before the follow-up sign-in waits:
 *
 * - per reference and address: a person who mistypes, or a stranger who holds the reference,
 *   waits at that address only, so a stranger cannot lock the reporter out from elsewhere;
 * - per address: a guesser trying many references;
 * - per reference over every address, generous: it bounds distributed guessing (1,000 an hour
 *   make about 2^23 a year against a ~51-bit phrase) and takes 200 addresses in a quarter of an
 *   hour (50 over the hour), each at its own limit, to fill; only then does it make everyone wait,
 *   for the rest of that hour.
 */
export const SIGN_IN_LIMITS: SignInLimits = {
  perReferenceAddress: { max: 5, windowSeconds: 15 * 60 },
  perAddress: { max: 20, windowSeconds: 15 * 60 },
  perReference: { max: 1_000, windowSeconds: 3600 },
};

/** What sign-in failures are counted against: the reference typed (when it is one), with and without the address. */
function signInCounters(limits: SignInLimits, reference: string | undefined, address: string): RateCounter[] {
  return [
    ...(reference
      ? [
          {
            name: 'follow-up-reference-address',
            subject: `${reference}|${address}`,
            limit: limits.perReferenceAddress,
          },
          { name: 'follow-up-reference-all', subject: reference, limit: limits.perReference },
        ]
      : []),
    { name: 'follow-up-address', subject: address, limit: limits.perAddress },
  ];
}

/** What the follow-up service needs. */
interface FollowUpServiceDeps {
  readonly db: RelaisDb;
  readonly keyring: Keyring;
  readonly logger: Logger;
  readonly secrets: FollowUpSecrets;
  readonly sessions: FollowUpSessions;
  /** Counts sign-in failures (lock-out, {@link SIGN_IN_LIMITS}) and answers ({@link ANSWER_LIMIT}). */
  readonly limiter: RateLimiter;
  readonly erasure: ErasureQueue;
  /** Default {@link SIGN_IN_LIMITS}; a test of the per-reference bound lowers it. */
  readonly signInLimits?: SignInLimits;
}

/** The outcome of a sign-in: a session, or why not (one reason for unknown reference and wrong phrase alike). */
type SignInResult =
  | { readonly kind: 'signed-in'; readonly token: string; readonly expiresInSeconds: number }
  | { readonly kind: 'refused' }
  | { readonly kind: 'throttled'; readonly retryAfterSeconds: number };

/** A report as its follow-up page shows it: status and thread, no content of the report itself. */
interface FollowUpView {
  readonly reference: string;
  readonly status: ReportStatus;
  readonly submittedAt: string;
  /** The person asked to be answered here or by e-mail (otherwise the association cannot reply on this page). */
  readonly answersExpected: boolean;
  /** Answering and erasing are possible (not on a tombstone). */
  readonly open: boolean;
  readonly messages: readonly { readonly from: 'association' | 'you'; readonly text: string; readonly at: string }[];
}

/**
 * The follow-up of web reports without an account: sign in with the receipt reference and secret
 * phrase (wrong secrets rate-limited per reference and address, per address and, generously, per
 * reference: {@link SIGN_IN_LIMITS}; each attempt reserved on every counter in one Redis script
 * before the phrase is checked, so concurrent guesses are limited exactly like sequential ones;
 * each window opening at its first failure; only failures count, so a person who signs in right is
 * never slowed down; unknown references refused exactly like wrong phrases), then see the status and the association's
 * messages, answer (the answer joins the staff thread) or erase the report (the same erasure job as
 * `/supprimer`).
 */
export class FollowUpService {
  constructor(private readonly deps: FollowUpServiceDeps) {}

  /** Checks a reference and phrase typed by a person at `address`. */
  async signIn(referenceInput: string, phrase: string, address: string): Promise<SignInResult> {
    const reference = parseReference(referenceInput);
    const counters = signInCounters(this.deps.signInLimits ?? SIGN_IN_LIMITS, reference, address);
    // Reserved before the check, so that parallel guesses cannot all pass a nearly full counter.
    const attempt = await this.deps.limiter.reserve(counters);
    if (!attempt.allowed) return { kind: 'throttled', retryAfterSeconds: attempt.retryAfterSeconds };
    let found: Awaited<ReturnType<typeof findFollowUpByReference>>;
    let valid: boolean;
    try {
      found = reference ? await findFollowUpByReference(this.deps.db, reference) : undefined;
      valid = found
        ? await this.deps.secrets.verify(phrase, found.secretHash)
        : (await this.deps.secrets.spend(), false);
    } catch (error) {
      await this.deps.limiter.release(counters);
      throw error;
    }
    if (!found || !valid) {
      // The reserved attempt stays counted: it is the failure.
      this.deps.logger.info('follow-up sign-in refused');
      return { kind: 'refused' };
    }
    await this.deps.limiter.release(counters);
    this.deps.logger.info({ reportId: found.reportId }, 'follow-up sign-in');
    return { kind: 'signed-in', ...(await this.deps.sessions.open(found.reportId)) };
  }

  /** The page of a signed-in report, or undefined when it no longer exists. */
  async view(reportId: string): Promise<FollowUpView | undefined> {
    const report = await findFollowUpReport(this.deps.db, reportId);
    if (!report) return undefined;
    const messages = report.status === 'erased' ? [] : await listFollowUpMessages(this.deps.db, reportId);
    return {
      reference: report.reference,
      status: report.status,
      submittedAt: report.submittedAt.toISOString(),
      // By chat or by e-mail, the association's messages are read here (the e-mail only says one waits).
      answersExpected: report.contactByChat || report.contactByEmail,
      open: report.status !== 'erased',
      messages: messages.map((m) => ({
        from: m.direction === 'to_reporter' ? 'association' : 'you',
        text: openMessageBody(this.deps.keyring, m.id, m.bodyEnc),
        at: m.at.toISOString(),
      })),
    };
  }

  /**
   * Stores the person's answer, sealed, in the report's thread. An answer that says they are in
   * danger now is stored marked urgent for staff, and `{ stored, urgent: true }` tells the page to
   * show the emergency guidance first.
   */
  async answer(
    reportId: string,
    text: string,
  ): Promise<{ readonly stored: true; readonly urgent: boolean } | 'erased' | { readonly retryAfterSeconds: number }> {
    const verdict = await this.deps.limiter.hit({ name: 'follow-up-answer', subject: reportId, limit: ANSWER_LIMIT });
    if (!verdict.allowed) return { retryAfterSeconds: verdict.retryAfterSeconds };
    const id = randomUUID();
    const urgent = answerSaysDanger(text);
    const stored = await insertReporterMessage(this.deps.db, {
      id,
      reportId,
      bodyEnc: sealMessageBody(this.deps.keyring, id, text),
      urgent,
    });
    if (!stored) return 'erased';
    this.deps.logger.info({ reportId, messageId: id, urgent }, 'follow-up answer stored');
    return { stored: true, urgent };
  }

  /** Asks the worker to erase this one report (tombstone); resolves once the job is in Redis. */
  async erase(reportId: string, now = new Date()): Promise<'requested' | 'erased'> {
    const report = await findFollowUpReport(this.deps.db, reportId);
    if (!report || report.status === 'erased' || !report.reporterKey) return 'erased';
    await this.deps.erasure.request(report.reporterKey, now, [reportId]);
    this.deps.logger.info({ reportId }, 'erasure requested from the follow-up page');
    return 'requested';
  }
}
