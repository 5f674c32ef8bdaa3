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

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in account, or null (set by the authentication hook). */
    auth: RequestAuth | null;
    /** Nonce of this response's Content-Security-Policy, for inline `<style>`/`<script>` tags. */
    cspNonce: string;
  }
}
