// @ts-check
/** Tests compile with SWC for speed; `npm test` type-checks them with tsc first, under the build's strictness. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const LIBS = ['config', 'connectors', 'domain', 'events', 'logging', 'nest-core', 'persistence', 'queue', 'scoring'];
const shared = {
  testEnvironment: 'node',
  // ELD (language identification) ships only ES modules; Node loads them with require(), Jest 30
  // on Node 20 does not, so its files are compiled to CommonJS like ours.
  transform: { '^.+\\.tsx?$': swc, '/node_modules/eld/.+\\.js$': swc },
  transformIgnorePatterns: ['/node_modules/(?!eld/)'],
  moduleNameMapper: { [`^@lp/(${LIBS.join('|')})$`]: '<rootDir>/libs/$1/src' },
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{libs,apps,scripts}/**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/', '\\.int\\.spec\\.ts$'],
    },
    {
      ...shared,
      displayName: 'integration',
      // Integration suites share one database and one Redis: run them one file at a time.
      testMatch: ['<rootDir>/test/integration/**/*.int.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/integration-setup.ts'],
    },
    {
      ...shared,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/integration-setup.ts'],
    },
  ],
};
