// Temporary path: only `repositories/intake.repository.ts` imports it, until the intake rewrite
// (`reports/insert-reports.ts`) replaces that file. The table's one home is `reports/report.table.ts`.
export type * from '../reports/report.table.js';
