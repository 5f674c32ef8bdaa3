import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { RateLimiter, type Keyring, type Logger } from '@relais/core';
import type { RelaisDb } from '@relais/db';
import type { ErasureQueue } from '../../maintenance/erasure-queue.js';
import { followUpRoutes } from './follow-up-routes.js';
import { FollowUpSecrets } from './follow-up-secrets.js';
import { FollowUpService, type SignInLimits } from './follow-up-service.js';
import { FollowUpSessions } from './follow-up-sessions.js';
import { IssuedPhrases } from './issued-phrases.js';

/** What the web follow-up runs on. */
export interface WebFollowUpDeps {
  readonly db: RelaisDb;
  readonly redis: Redis;
  readonly keyring: Keyring;
  readonly prefix: string;
  readonly erasure: ErasureQueue;
  readonly logger: Logger;
  /** The sign-in limits; default `SIGN_IN_LIMITS` (tests lower the per-reference bound). */
  readonly signInLimits?: SignInLimits;
}

/** The web follow-up, wired: its phrases (for submissions) and its routes (for the HTTP server). */
export interface WebFollowUp {
  /** Issues the phrase of a web report at submission (the same one if the report is sent again). */
  readonly phrases: IssuedPhrases;
  readonly service: FollowUpService;
  /** Adds `/report/follow` and its API to the bots' HTTP server. */
  register(app: FastifyInstance): void;
}

/**
 * Wires the follow-up of web reports without an account: secret phrases issued at submission,
 * sign-in limited per reference and address, sessions in Redis, and the page with its API.
 */
export function createWebFollowUp(deps: WebFollowUpDeps): WebFollowUp {
  const secrets = new FollowUpSecrets(deps.keyring);
  const sessions = new FollowUpSessions(deps.redis, deps.prefix);
  const service = new FollowUpService({
    db: deps.db,
    keyring: deps.keyring,
    logger: deps.logger,
    secrets,
    sessions,
    limiter: new RateLimiter(deps.redis, { prefix: deps.prefix, keyring: deps.keyring }),
    erasure: deps.erasure,
    ...(deps.signInLimits ? { signInLimits: deps.signInLimits } : {}),
  });
  const phrases = new IssuedPhrases(deps.redis, deps.prefix, deps.keyring, secrets);
  return { phrases, service, register: (app) => followUpRoutes(app, { service, sessions, logger: deps.logger }) };
}
