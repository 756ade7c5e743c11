/**
 * Unit specs live beside the code, and specs of the whole tree (architecture, docs) in test/*.spec.ts;
 * e2e suites in test/*.e2e-spec.ts run against real Postgres, Redis and SMTP.
 */
const moduleNameMapper = { '^@app/([a-z-]+)$': '<rootDir>/libs/$1/src' };
/**
 * Nest 12, openid-client, jose and oidc-provider are published only as ES modules. Jest's CommonJS
 * runtime requires them as Node does (require(esm)) when Node runs with --experimental-vm-modules,
 * which is why the test scripts start Jest with that flag (see package.json and scripts/test.sh).
 */
const transform = { '^.+\\.ts$': 'ts-jest' };
// Without the flag every suite fails on its first import of Nest; say what to run instead.
if (typeof require('node:vm').SourceTextModule !== 'function') {
  throw new Error(
    'Jest needs Node started with --experimental-vm-modules: npm run test:unit (or test:e2e) -- --testPathPatterns …, ' +
      'or NODE_OPTIONS=--experimental-vm-modules npx jest …',
  );
}

module.exports = {
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testEnvironment: 'node',
      moduleFileExtensions: ['ts', 'js', 'json'],
      testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts', '<rootDir>/test/*.spec.ts'],
      transform,
      moduleNameMapper,
    },
    {
      displayName: 'e2e',
      rootDir: __dirname,
      testEnvironment: 'node',
      moduleFileExtensions: ['ts', 'js', 'json'],
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      transform,
      moduleNameMapper,
    },
  ],
  // A global option in Jest 29: per project it is ignored. Generous for e2e suites on small CI machines.
  testTimeout: 60000,
  // Under --experimental-vm-modules every test file's modules stay reachable from the worker's
  // module linker (jestjs/jest#14605), so a worker's heap grows with each file it runs and its
  // garbage collection pauses start to delay timers. Jest replaces a worker that has grown past
  // this after a file, which keeps the pauses as short as on a fresh process.
  workerIdleMemoryLimit: '1GB',
};
