// Temporary path: only `intake.repository.ts` imports it, until the intake rewrite
// (`reports/insert-reports.ts`) replaces that file. `Executor`'s one home is `database.ts`.
export type { Executor } from '../database.js';
