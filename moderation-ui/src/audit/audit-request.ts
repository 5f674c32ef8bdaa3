import type { FastifyRequest } from 'fastify';
import { recordAudit, type Executor } from '@relais/db';

/** What an audited action touched. */
interface AuditTarget {
  readonly type: string;
  readonly id: string;
}

/**
 * Writes an audit event for the caller of `request` (or `anonymous`): the action, its target and
 * details made of ids, kinds and counts only. The client address is kept for security review.
 */
export async function auditRequest(
  db: Executor,
  request: FastifyRequest,
  action: string,
  target?: AuditTarget,
  details: Record<string, unknown> = {},
): Promise<void> {
  await recordAudit(db, {
    actorId: request.auth?.accountId ?? null,
    actorRole: request.auth?.role ?? 'anonymous',
    action,
    targetType: target?.type ?? null,
    targetId: target?.id ?? null,
    partnerId: request.auth?.partnerId ?? null,
    details: { ...details, ip: request.ip, route: request.routeOptions.url },
  });
}
