// @ts-check
/**
 * Import rules of the monorepo, checked by `npm run lint` (`depcruise`): imports only go downwards
 * (apps → db → core), no app imports another app, a workspace reaches another one only through its
 * package entry (`@relais/db`, `@relais/db/testing`), never through a relative path into its files,
 * and there is no import cycle, type-only imports included.
 */
const apps = '(bots|worker|moderation-ui)';
const workspaces = '(core|db|bots|worker|moderation-ui|test|scripts)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle (type-only imports count): move the shared piece into its own file.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-imports-nothing-above',
      severity: 'error',
      comment: 'core is the bottom layer: it may not import db or an app.',
      from: { path: '^core/' },
      to: { path: `^(db|${apps.slice(1, -1)})/` },
    },
    {
      name: 'db-imports-only-core',
      severity: 'error',
      comment: 'db sits on core: it may not import an app.',
      from: { path: '^db/' },
      to: { path: `^${apps}/` },
    },
    {
      name: 'no-app-to-app',
      severity: 'error',
      comment: 'No app imports another app: move what both need into db or core.',
      from: { path: `^${apps}/` },
      to: { path: `^${apps}/`, pathNot: '^$1/' },
    },
    {
      name: 'no-relative-import-across-workspaces',
      severity: 'error',
      comment:
        "Reach another workspace through its package entry ('@relais/bots') or a subpath export ('@relais/db/testing'), not a relative path into its files.",
      from: { path: `^${workspaces}/`, pathNot: '^test/' },
      to: { path: `^${workspaces}/`, pathNot: '^$1/', dependencyTypesNot: ['aliased-workspace'] },
    },
    {
      name: 'no-relative-import-across-workspaces-from-test',
      severity: 'error',
      comment:
        "test/ reaches workspaces through their package entries too; only scripts/, the root's own tooling with no package entry, is imported by path (its npm start helpers are tested there).",
      from: { path: '^test/' },
      to: { path: '^(core|db|bots|worker|moderation-ui)/', dependencyTypesNot: ['aliased-workspace'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|\\.turbo)/' },
    // Type-only imports are kept, so a cycle through `import type` is found too.
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['relais-source', 'import', 'types', 'default'],
      extensions: ['.ts', '.js', '.json'],
      mainFields: ['module', 'main', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
