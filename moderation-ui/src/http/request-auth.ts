import type { AccountRole } from '@relais/db';
import type { SessionData } from '../auth/session-store.js';

/** Who is calling: the session and the account as re-read from the database on this request. */
export interface RequestAuth {
  readonly sessionId: string;
  readonly session: SessionData;
  readonly accountId: string;
  readonly role: AccountRole;
  readonly partnerId: string | null;
  readonly partnerActive: boolean;
  readonly displayName: string;
}

/** The caller of a partner plugin's route: a partner account, so its partner id is known. */
export interface PartnerAuth extends RequestAuth {
  readonly role: 'partner';
  readonly partnerId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in account, or null (set by the authentication hook on every request). */
    auth: RequestAuth | null;
    /**
     * The account that passed the role hook of this route's plugin (`roleGuard`). Read it only
     * inside a guarded plugin: anywhere else it throws.
     */
    readonly account: RequestAuth;
    /** Nonce of this response's Content-Security-Policy, for inline `<style>`/`<script>` tags. */
    cspNonce: string;
  }
}
