import { defineConfig } from 'vitest/config';

/**
 * The suite in projects, so that a developer runs the part they touch (`npm run test:unit`, or
 * `npx vitest run --project unit`); `npm test` runs them all.
 * - unit: the tests beside the code (engine, connectors, notifications, editor), no server process, no
 *   broker; one worker thread runs many files without re-importing the modules they share.
 * - conformance: the reference suites (CloudEvents, JSONata, patterns), fuzzing, the example flows.
 * - integration: real servers on loopback (HTTP, bus, stories, git), child processes killed on purpose.
 * - brokers: tests that start RabbitMQ or NATS.
 * - e2e: the editor in a headless browser.
 */
const BROKER_TESTS = ['test/queues/**/*.test.ts', 'test/stories/story-five.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'engine/**/*.test.ts',
            'connectors/**/*.test.ts',
            'notifications/**/*.test.ts',
            'editor/**/*.test.tsx',
          ],
          // Unit test files share their worker's loaded modules instead of importing the engine again each:
          // about 4x faster here (import time was most of it). A unit test leaves no global state behind.
          pool: 'threads',
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'conformance',
          include: [
            'test/conformance/**/*.test.ts',
            'test/fuzz/**/*.test.ts',
            'test/flows/**/*.test.ts',
            'test/generated-files.test.ts',
            'test/step-translations.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: [
            'test/server/**/*.test.ts',
            'test/bus/**/*.test.ts',
            'test/runtime/**/*.test.ts',
            'test/stories/**/*.test.ts',
            'test/git/**/*.test.ts',
            'test/environments/**/*.test.ts',
            'test/fakes/**/*.test.ts',
            'test/store/**/*.test.ts',
          ],
          exclude: BROKER_TESTS,
        },
      },
      { extends: true, test: { name: 'brokers', include: BROKER_TESTS } },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'] } },
    ],
  },
});
