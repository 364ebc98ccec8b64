/**
 * Dependency direction: apps -> adapters -> domain. The domain imports fp-ts and io-ts only. Test support lives in
 * packages/testkit, which specs may import and production code may not.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'packages/domain imports nothing but fp-ts, io-ts and itself (specs may use node: and test libraries).',
      severity: 'error',
      from: { path: '^packages/domain/src', pathNot: '\\.spec\\.ts$' },
      to: { pathNot: '^packages/domain/src|node_modules/(fp-ts|io-ts)/' },
    },
    {
      name: 'domain-does-not-know-adapters-or-apps',
      severity: 'error',
      from: { path: '^packages/domain' },
      to: { path: '^packages/(adapters|app-api|app-sink|cli)|node_modules/@placebo/(adapters|app-api|app-sink|cli)' },
    },
    {
      name: 'adapters-do-not-import-apps',
      severity: 'error',
      from: { path: '^packages/adapters' },
      to: { path: '^packages/(app-api|app-sink|cli)|node_modules/@placebo/(app-api|app-sink|cli)' },
    },
    {
      name: 'apps-do-not-import-each-other',
      comment: 'Only the cli, the composition root of the one-process mode, puts apps together.',
      severity: 'error',
      from: { path: '^packages/(app-api|app-sink)' },
      to: { path: '^packages/(app-api|app-sink|cli)/|node_modules/@placebo/(app-api|app-sink|cli)', pathNot: '^packages/$1/' },
    },
    {
      name: 'production-does-not-import-testkit',
      comment: 'packages/testkit is test support: only spec files (and the testkit itself) import it.',
      severity: 'error',
      from: { path: '^packages/', pathNot: '^packages/testkit/|\\.spec\\.ts$' },
      to: { path: '^packages/testkit/|(^|/)@placebo/testkit(/|$)' },
    },
    {
      name: 'adapters-do-not-import-deploy',
      comment: 'Starting real infrastructure is deploy/ business; the test stack runner lives in packages/testkit.',
      severity: 'error',
      from: { path: '^packages/adapters' },
      to: { path: '^deploy/' },
    },
    {
      name: 'nothing-imports-the-cli',
      severity: 'error',
      from: { pathNot: '^packages/cli' },
      to: { path: '^packages/cli|node_modules/@placebo/cli' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    // Another package is reached through its compiled face (node_modules/@placebo/* -> dist): record that arrow, so the
    // rules between packages apply, but do not cruise on into compiled code.
    doNotFollow: { path: 'node_modules|(^|/)dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'types', 'default'] },
    combinedDependencies: true,
  },
};
