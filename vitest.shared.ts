import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Shared vitest settings: workspace packages (and their subpaths, such as `@relais/db/testing`)
 * resolve to their TypeScript sources, so tests never depend on a stale build.
 */
export const sharedVitestConfig = defineConfig({
  resolve: {
    alias: [
      { find: /^@relais\/(core|db|bots|worker|moderation-ui)$/, replacement: `${root}$1/src/index.ts` },
      // A subpath export `@relais/<ws>/<name>` is the folder `<ws>/src/<name>/` with its index.ts.
      { find: /^@relais\/(core|db|bots|worker|moderation-ui)\/([a-z-]+)$/, replacement: `${root}$1/src/$2/index.ts` },
    ],
  },
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
