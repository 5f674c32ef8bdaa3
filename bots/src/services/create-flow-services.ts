import type { Redis } from 'ioredis';
import { RateLimiter, type Keyring, type RateLimit } from '@relais/core';
import { findSafePlacesNear, listReporterReports, type RelaisDb } from '@relais/db';
import { ThrottledError, type FlowServices } from '../flow/flow-services.js';
import type { IntakeQueue } from '../intake/intake-queue.js';
import type { ErasureQueue } from '../maintenance/erasure-queue.js';
import type { IssuedSecret } from '../webchat/follow-up/follow-up-secrets.js';
import { ReferenceReservation } from './reference-reservation.js';

/**
 * Reports one person may send per window. Several reports in an hour happen (several incidents, a
 * witness and a victim on one phone); dozens are a flood, and are asked to wait with their draft kept.
 */
export const SUBMISSION_LIMIT: RateLimit = { max: 6, windowSeconds: 3600 };

/** What the flow's effects run on. */
interface FlowServicesDeps {
  readonly redis: Redis;
  readonly prefix: string;
  /** Hashes the reporter keys counted by the submission limit. */
  readonly keyring: Keyring;
  readonly db: RelaisDb;
  readonly intake: IntakeQueue;
  readonly erasure: ErasureQueue;
  /** Issues the follow-up phrase of web reports (see `IssuedPhrases`); without it, none is issued. */
  readonly followUp?: { issue(reportId: string): Promise<IssuedSecret> };
  /**
   * `PUBLIC_URL` of the bots: the follow-up page a Telegram reporter who asked for e-mail is pointed
   * to. Without it, such a report gets no phrase (its receipt could not say where to use it).
   */
  readonly publicUrl?: string;
}

/** The follow-up page's absolute address in `lang` (the one the re-contact e-mail links to). */
export function followUpPageUrl(publicUrl: string, lang: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/report/follow?lang=${lang}`;
}

/** The flow's effects over Redis (references, queues) and PostgreSQL (safe places, my reports). */
export function createFlowServices(deps: FlowServicesDeps): FlowServices {
  const references = new ReferenceReservation(deps.redis, deps.prefix);
  const limiter = new RateLimiter(deps.redis, { prefix: deps.prefix, keyring: deps.keyring });
  return {
    async submit(submission) {
      // Each report counts once (sending the same one again is harmless), under the reporter's
      // keyed hash: no chat id or address in key names.
      const counted = `${deps.prefix}:submit-counted:${submission.id}`;
      if (
        submission.reporterKey &&
        (await deps.redis.set(counted, '1', 'EX', SUBMISSION_LIMIT.windowSeconds, 'NX')) !== null
      ) {
        const verdict = await limiter.hit({ name: 'submit', subject: submission.reporterKey, limit: SUBMISSION_LIMIT });
        if (!verdict.allowed) {
          await deps.redis.del(counted);
          throw new ThrottledError(verdict.retryAfterSeconds);
        }
      }
      const reference = await references.reserve(submission.id, submission.reference);
      // A web page keeps nothing once closed: the phrase is how its reporter comes back (/report/follow).
      // A Telegram reporter who asked for e-mail gets one too: the re-contact mail holds no message,
      // only the page's address, where the message waits behind the reference and the phrase.
      const mailed = submission.channel === 'telegram' && submission.contact?.method === 'email' && deps.publicUrl;
      const secret =
        (submission.channel === 'webchat' || mailed) && deps.followUp
          ? await deps.followUp.issue(submission.id)
          : undefined;
      await deps.intake.submit({ ...submission, reference, ...(secret ? { followUp: secret.credential } : {}) });
      return {
        reference,
        ...(secret ? { followUpPhrase: secret.phrase } : {}),
        ...(secret && deps.publicUrl ? { followUpUrl: followUpPageUrl(deps.publicUrl, submission.lang) } : {}),
      };
    },
    async findSafePlaces(postalCode) {
      const rows = await findSafePlacesNear(deps.db, postalCode);
      return rows.map((r) => ({
        name: r.name,
        address: r.address,
        postalCode: r.postal_code,
        commune: r.commune,
        phone: r.phone,
        hours: r.hours,
      }));
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
