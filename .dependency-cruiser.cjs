// Import rules from DESIGN.md ("Layout and import rules"). Checked by `npm run lint:imports`
// (scripts/lint-imports.mjs), which `npm test` runs first.
const layer = (names) => `^(${names.join('|')})/`;
const notTests = '\\.(test|spec)\\.tsx?$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'engine-is-pure',
      comment: 'engine/ is the I/O-free domain core: no app, web, server or worker code.',
      severity: 'error',
      from: { path: '^engine/' },
      to: { path: layer(['app', 'components', 'lib', 'server', 'worker', 'cli', 'prisma']) },
    },
    {
      name: 'engine-no-io-packages',
      comment: 'engine/ may not use React, Next, Prisma, pg, BullMQ or Redis (I/O belongs in server/).',
      severity: 'error',
      from: { path: '^engine/' },
      to: { path: 'node_modules/(next|react|react-dom|@prisma/[^/]+|prisma|pg|bullmq|ioredis)/' },
    },
    {
      name: 'engine-no-node-builtins',
      comment: 'engine/ has no I/O and no process.env: clock and ids are injected. Tests may use builtins.',
      severity: 'error',
      from: { path: '^engine/', pathNot: notTests },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'components-not-server',
      comment: 'Components run in the browser; they reach the server through app/ routes, never server/ directly.',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: layer(['server', 'worker']) },
    },
    {
      name: 'server-not-web-or-worker',
      comment: 'server/ is shared by app and worker, so it cannot depend on either.',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: layer(['app', 'components', 'worker']) },
    },
    {
      name: 'worker-not-web',
      severity: 'error',
      from: { path: '^worker/' },
      to: { path: layer(['app', 'components']) },
    },
    {
      name: 'app-not-worker',
      comment: 'The web process never loads worker code; it talks to workers through the queue.',
      severity: 'error',
      from: { path: '^app/' },
      to: { path: layer(['worker']) },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(\\.next|server/db/generated)/' }, // not node_modules: rules must see package imports
    tsConfig: { fileName: 'tsconfig.json' }, // resolves the @/ alias
    tsPreCompilationDeps: true, // type-only imports count too
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
