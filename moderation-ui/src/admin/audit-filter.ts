import type { AuditQuery } from './admin-schemas.js';

/** The audit log's filters as the repository takes them: `from` and `to` as whole UTC days. */
export function auditFilter(q: AuditQuery) {
  return {
    ...q,
    from: q.from ? new Date(`${q.from}T00:00:00Z`) : undefined,
    to: q.to ? new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000) : undefined,
  };
}
