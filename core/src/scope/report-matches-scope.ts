/**
 * One rule of a partner scope: a set of tunnels and/or a set of postal codes. A rule matches a
 * report when every condition it gives matches (an empty list gives no condition). A rule that
 * gives no condition at all matches nothing: a scope never grows to "everything" by accident.
 */
export interface ScopeRule {
  readonly tunnels: readonly string[];
  readonly postalCodes: readonly string[];
}

/** A partner scope: it matches a report when any of its rules does. */
export type PartnerScope = readonly ScopeRule[];

/** The fields of a report that scopes look at. */
export interface ScopedReport {
  readonly tunnel: string | null;
  readonly postalCode: string | null;
}

/** Whether one rule matches a report (see {@link ScopeRule}). */
export function ruleMatches(rule: ScopeRule, report: ScopedReport): boolean {
  if (rule.tunnels.length === 0 && rule.postalCodes.length === 0) return false;
  if (rule.tunnels.length > 0 && (report.tunnel === null || !rule.tunnels.includes(report.tunnel))) return false;
  if (rule.postalCodes.length > 0 && (report.postalCode === null || !rule.postalCodes.includes(report.postalCode))) {
    return false;
  }
  return true;
}

/**
 * Whether a report falls in a partner's scope: any rule matches. The database enforces the same
 * predicate with row-level security; this is the reference both are tested against.
 */
export function reportMatchesScope(report: ScopedReport, scope: PartnerScope): boolean {
  return scope.some((rule) => ruleMatches(rule, report));
}
