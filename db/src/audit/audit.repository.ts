import type { AuditEventRow } from './audit-event.table.js';
import type { Executor } from '../database.js';

/**
 * One audit event: who (`actorId`, `actorRole`), did what (`action`, e.g. `auth.login.succeeded`,
 * `report.released`, `partner.export`), to what (`targetType`, `targetId`), for which partner.
 * `details` holds ids, kinds and counts only: never report text, contact details or names.
 */
export interface AuditEvent {
  readonly actorId: string | null;
  readonly actorRole: string;
  readonly action: string;
  readonly targetType?: string | null;
  readonly targetId?: string | null;
  readonly partnerId?: string | null;
  readonly details?: Record<string, unknown>;
}

/** Appends an event to `audit_events` (insert-only for the application role). */
export async function recordAudit(db: Executor, event: AuditEvent): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      actor_id: event.actorId,
      actor_role: event.actorRole,
      action: event.action,
      target_type: event.targetType ?? null,
      target_id: event.targetId ?? null,
      partner_id: event.partnerId ?? null,
      details: JSON.stringify(event.details ?? {}),
    })
    .execute();
}

/** Filters of {@link listAudit}; every one optional. `action` matches a prefix (`report.`). */
export interface AuditFilter {
  readonly actorId?: string;
  readonly action?: string;
  readonly targetId?: string;
  readonly partnerId?: string;
  readonly from?: Date;
  readonly to?: Date;
  readonly limit?: number;
  readonly offset?: number;
}

/** Audit events, newest first (default 100, at most 1000). */
export async function listAudit(db: Executor, filter: AuditFilter = {}): Promise<AuditEventRow[]> {
  let query = db.selectFrom('audit_events').selectAll();
  if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
  if (filter.action) query = query.where('action', 'like', `${filter.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (filter.targetId) query = query.where('target_id', '=', filter.targetId);
  if (filter.partnerId) query = query.where('partner_id', '=', filter.partnerId);
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.to) query = query.where('at', '<', filter.to);
  return query
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(Math.min(filter.limit ?? 100, 1000))
    .offset(filter.offset ?? 0)
    .execute();
}
