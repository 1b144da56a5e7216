// Dependency rules of `npm run check` (scripts/check-architecture.mjs runs them and adds the module-cycle check).
// A feature module (src/modules/<name>/) may use another's Nest module, services, repositories, guards, decorators,
// DTOs and plain domain files; its controllers, processors, entities, mappers and interceptors are its own.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'An import cycle between files.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-module-internals',
      comment: "Another module's controllers, processors, entities, mappers and interceptors are its internals.",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: {
        path: '^src/modules/[^/]+/.+[.](controller|processor|entity|mapper|interceptor)[.]ts$',
        pathNot: '^src/modules/$1/',
      },
    },
    {
      name: 'no-upward-from-modules',
      comment: 'Feature modules do not know the process roles that compose them (the worker heartbeat they may use).',
      severity: 'error',
      from: { path: '^src/(modules|common|config|database)/' },
      to: { path: '^src/([^/]+[.]ts|worker/(worker[.]module|.+[.]schedule)[.]ts)$' },
    },
    {
      name: 'common-is-a-leaf',
      comment: 'src/common holds cross-cutting code that no feature owns; it depends on no feature.',
      severity: 'error',
      from: { path: '^src/(common|config)/' },
      to: { path: '^src/(modules|database)/' },
    },
    {
      name: 'database-is-below-modules',
      comment: 'The data-source plumbing is below the features; modules register their own entities.',
      severity: 'error',
      from: { path: '^src/database/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'no-tools-or-tests-in-src',
      comment: 'The service never imports the bench, the seed loader or the tests.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(tools|test)/' },
    },
    {
      name: 'no-dev-dependencies-in-src',
      comment: 'The production image installs dependencies only.',
      severity: 'error',
      from: { path: '^src/', pathNot: '[.]spec[.]ts$' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '[.]spec[.]ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.json'] },
  },
};
