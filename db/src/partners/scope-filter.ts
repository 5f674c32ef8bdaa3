import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { PartnerScope } from '@relais/core';
import type { Database } from '../database.js';

/**
 * The explicit scope condition on `reports` for a partner's rules (core `reportMatchesScope` in
 * SQL). Partner queries add it on top of row-level security, so the scope is enforced twice.
 */
export function scopeCondition(eb: ExpressionBuilder<Database, 'reports'>, scope: PartnerScope): Expression<SqlBool> {
  if (scope.length === 0) return sql<SqlBool>`false`;
  return eb.or(
    scope.map((rule) => {
      const conditions: Expression<SqlBool>[] = [];
      if (rule.tunnels.length) conditions.push(eb('reports.tunnel', 'in', [...rule.tunnels]));
      if (rule.postalCodes.length) conditions.push(eb('reports.postal_code', 'in', [...rule.postalCodes]));
      // A rule without any condition matches nothing (as in core), never everything.
      return conditions.length ? eb.and(conditions) : sql<SqlBool>`false`;
    }),
  );
}
