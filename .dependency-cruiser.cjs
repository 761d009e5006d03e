// Import boundaries the code keeps, checked by `pnpm lint` (dependency-cruiser; README.md, "Layers").
// Paths are resolved files relative to the repository root, so a relative import is judged by where it lands.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A module may not reach itself through its imports (type-only imports count: they tie the layers all the same).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'web-feature-imports-feature',
      severity: 'error',
      comment: 'A feature of apps/web imports no other feature; what two features share lives in src/components, src/lib or src/utils, and src/app wires them.',
      from: { path: '^apps/web/src/features/([^/]+)/' },
      to: { path: '^apps/web/src/features/', pathNot: '^apps/web/src/features/$1/' },
    },
    {
      name: 'web-shared-imports-feature',
      severity: 'error',
      comment: 'src/components, src/lib and src/utils of apps/web serve every feature, so they import none.',
      from: { path: '^apps/web/src/(components|lib|utils)/' },
      to: { path: '^apps/web/src/features/' },
    },
    {
      name: 'bff-route-imports-aws-sdk',
      severity: 'error',
      comment: 'Routes of apps/bff validate, call a service and answer; AWS calls and their types belong to services (src/services, src/aws).',
      from: { path: '^apps/bff/src/routes/' },
      to: { path: '(^|/)@aws-sdk/' },
    },
    {
      name: 'iam-local-model-imports-upper-layer',
      severity: 'error',
      comment: 'The endpoint\'s model (SQLite state) knows nothing of HTTP, SigV4, authorization or operations; it throws errors.ts.',
      from: { path: '^packages/iam-local/src/model/' },
      to: { path: '^packages/iam-local/src/(protocol|auth|operations|seed|cli|server[.]ts)' },
    },
    {
      name: 'iam-local-errors-imports-endpoint',
      severity: 'error',
      comment: 'Every layer of the endpoint throws IamError, so errors.ts imports nothing of it.',
      from: { path: '^packages/iam-local/src/errors[.]ts$' },
      to: { path: '^packages/iam-local/' },
    },
    {
      name: 'unresolvable-import',
      severity: 'error',
      comment: 'An import the linter cannot resolve is an edge the rules above cannot see. Vite\'s asset imports (a file as a URL, `?url`) name a file, not a module.',
      from: {},
      to: { couldNotResolve: true, pathNot: '[?]url$' },
    },
  ],
  options: {
    // TypeScript 7 has no JavaScript compiler API; swc parses TypeScript instead, `import type` edges included.
    parser: 'swc',
    doNotFollow: { path: '(^|/)node_modules/' },
    // Only the scan of the work tree: dependencies on packages in node_modules stay visible to the rules.
    exclude: {
      path: [
        '^(apps|packages)/[^/]+/(node_modules|dist|generated|coverage)/',
        '^e2e/(node_modules|test-results|playwright-report|artifacts)/',
        '/[.]data/',
      ],
    },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      conditionNames: ['import', 'module', 'node', 'default', 'types'],
      exportsFields: ['exports'],
      mainFields: ['module', 'main', 'types'],
    },
  },
};
