import type { Redis } from 'ioredis';
import { followUpCredential, openJson, sealingContext, sealJson, type Keyring } from '@relais/core';
import { z } from 'zod';
import type { FollowUpSecrets, IssuedSecret } from './follow-up-secrets.js';

/** How long a report's phrase is remembered for a re-send of the same report (as the submission count). */
const ISSUED_PHRASE_SECONDS = 3600;

const issuedSecret = z.object({ phrase: z.string(), credential: followUpCredential });
const context = sealingContext.followUpPhrase;

/**
 * One phrase per report, even when the same report is sent twice (a lost acknowledgement, then
 * "Send" again, while the first intake job, with its hash, is already queued): the phrase issued
 * first is kept for {@link ISSUED_PHRASE_SECONDS}, sealed with the data key (never in clear in
 * Redis), and given again, so every receipt of a report shows the phrase that opens it.
 */
export class IssuedPhrases {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly keyring: Keyring,
    private readonly secrets: FollowUpSecrets,
  ) {}

  /** The phrase and credential of `reportId`: issued now, or the ones issued for it before. */
  async issue(reportId: string): Promise<IssuedSecret> {
    const key = `${this.prefix}:follow-up:issued:${reportId}`;
    const fresh = await this.secrets.issue();
    const sealed = sealJson(this.keyring, fresh, context(reportId)).toString('base64');
    if ((await this.redis.set(key, sealed, 'EX', ISSUED_PHRASE_SECONDS, 'NX')) !== null) return fresh;
    const earlier = await this.redis.get(key);
    if (!earlier) return fresh;
    return issuedSecret.parse(openJson(this.keyring, Buffer.from(earlier, 'base64'), context(reportId)));
  }
}
