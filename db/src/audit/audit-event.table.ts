import type { ColumnType, Generated, Selectable } from 'kysely';

/**
 * `audit_events`: append-only record of who saw, changed, released, exported or revealed what.
 * The application role may insert and select, never update or delete.
 */
export interface AuditEventTable {
  id: Generated<string>;
  at: Generated<Date>;
  actor_id: string | null;
  actor_role: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  partner_id: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
}

/** An audit event row. */
export type AuditEventRow = Selectable<AuditEventTable>;
