/**
 * Unit specs live beside the code, and specs of the whole tree (architecture, docs) in test/*.spec.ts;
 * e2e suites in test/*.e2e-spec.ts run against real Postgres, Redis and SMTP.
 */
const moduleNameMapper = { '^@app/([a-z-]+)$': '<rootDir>/libs/$1/src' };
/**
 * Packages published only as ES modules, which Jest's CommonJS runtime cannot require: compiled to
 * CommonJS like our own files (Node runs them as they are, with require(esm)).
 */
const ES_MODULE_PACKAGES = ['openid-client', 'oauth4webapi', 'jose', 'oidc-provider'];
const transform = {
  '^.+\\.ts$': 'ts-jest',
  [`/node_modules/(${ES_MODULE_PACKAGES.join('|')})/.+\\.js$`]: ['ts-jest', { tsconfig: { allowJs: true } }],
};
const transformIgnorePatterns = [`/node_modules/(?!(${ES_MODULE_PACKAGES.join('|')})/)`];

module.exports = {
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testEnvironment: 'node',
      moduleFileExtensions: ['ts', 'js', 'json'],
      testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts', '<rootDir>/test/*.spec.ts'],
      transform,
      transformIgnorePatterns,
      moduleNameMapper,
    },
    {
      displayName: 'e2e',
      rootDir: __dirname,
      testEnvironment: 'node',
      moduleFileExtensions: ['ts', 'js', 'json'],
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      transform,
      transformIgnorePatterns,
      moduleNameMapper,
    },
  ],
  // A global option in Jest 29: per project it is ignored. Generous for e2e suites on small CI machines.
  testTimeout: 60000,
};
