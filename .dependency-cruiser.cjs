// Dependency rules, checked by the test suite (connectors/sdk-boundary.test.ts runs dependency-cruiser).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'connectors-use-the-sdk',
      comment: 'A connector imports the engine only through its public surface, engine/sdk.ts.',
      severity: 'error',
      from: { path: '^connectors/' },
      to: { path: '^engine/', pathNot: '^engine/sdk[.]ts$' },
    },
    {
      name: 'connectors-resolve',
      comment: 'An import the check cannot resolve could hide an engine internal.',
      severity: 'error',
      from: { path: '^connectors/' },
      to: { couldNotResolve: true },
    },
    {
      name: 'notifications-use-the-sdk',
      comment: 'Notifications import the engine only through its public surface, engine/sdk.ts.',
      severity: 'error',
      from: { path: '^notifications/' },
      to: { path: '^engine/', pathNot: '^engine/sdk[.]ts$' },
    },
    {
      name: 'notifications-use-connectors-by-their-index',
      comment:
        "Notifications send through connectors: a connector's index.ts and connectors/shared/, never its " +
        'internals, and never connectors/index.ts (the list that registers notifications: a cycle).',
      severity: 'error',
      from: { path: '^notifications/' },
      to: { path: '^connectors/', pathNot: '^connectors/([^/]+/index|shared/[^/]+)[.]ts$' },
    },
    {
      name: 'connectors-below-notifications',
      comment: 'Notifications build on connectors; only the list of connectors (connectors/index.ts) names them.',
      severity: 'error',
      from: { path: '^connectors/', pathNot: '^connectors/index[.]ts$' },
      to: { path: '^notifications/' },
    },
    {
      name: 'notifications-resolve',
      comment: 'An import the check cannot resolve could hide an engine internal.',
      severity: 'error',
      from: { path: '^notifications/' },
      to: { couldNotResolve: true },
    },
    {
      name: 'bus-is-the-domain',
      comment: "The bus's HTTP routes live in engine/server/api and its commands in engine/cli: the bus imports neither.",
      severity: 'error',
      from: { path: '^engine/bus/' },
      to: { path: '^engine/(server|cli|files)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
    parser: 'swc',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
    },
  },
};
