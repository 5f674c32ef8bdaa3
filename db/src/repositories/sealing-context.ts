/**
 * Encryption contexts of sealed columns live in core (`core/src/crypto/sealing-contexts.ts`); db
 * re-exports them so repositories' callers keep importing `sealingContext` from `@relais/db`.
 */
export { sealingContext } from '@relais/core';
