// Temporary path: only `intake.repository.ts` imports it, until the intake rewrite
// (`reports/insert-reports.ts`) replaces that file. Erasure's one home is `erasures/erasure.repository.ts`.
export { isErasedAtIntake, tombstoneColumns } from '../erasures/erasure.repository.js';
