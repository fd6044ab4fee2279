/**
 * Layer boundaries (STYLE.md): cross-cutting code in src/core depends on no layer; Email, OCR and
 * Notification talk to the Orchestrator through events and the SDK (src/sdk: handlers, robot
 * intake), never imports; the SDK depends on src/core only, so it never pulls the Orchestrator in;
 * only the state layer touches TypeORM's DataSource and the migrations; production code never
 * imports tests. src/sdk/sdk-boundaries.spec.ts proves the SDK rules report what they should.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^src' },
      to: { circular: true },
    },
    {
      name: 'core-depends-on-no-layer',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/(?!core/)' },
    },
    {
      name: 'components-do-not-import-orchestrator',
      severity: 'error',
      from: { path: '^src/(email|ocr|notification|review)/' },
      to: { path: '^src/orchestrator/' },
    },
    {
      // The review queue serves OCR now and email later: it may share OCR's contract, not its workings.
      name: 'review-knows-only-the-ocr-contract',
      severity: 'error',
      from: { path: '^src/review/' },
      to: { path: '^src/ocr/', pathNot: '^src/ocr/ocr\\.types\\.ts$' },
    },
    {
      name: 'sdk-depends-only-on-core',
      severity: 'error',
      from: { path: '^src/sdk/' },
      to: { path: '^src/(?!core/|sdk/)' },
    },
    {
      name: 'migrations-only-from-state',
      severity: 'error',
      from: { path: '^src/(?!state/)' },
      to: { path: '^migrations/' },
    },
    {
      name: 'pglite-only-in-state',
      severity: 'error',
      from: { path: '^src/(?!state/)' },
      to: { path: 'node_modules/@electric-sql/' },
    },
    {
      name: 'no-test-code-in-src',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.spec\\.ts$' },
      to: { path: '^test/|\\.spec\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
