import { defineConfig } from 'vitest/config';

// The whole suite in one run, so one summary line covers every package.
export default defineConfig({
  test: {
    projects: [
      'packages/*',
      'packages/publisher/vitest.ckjs.config.ts',
      'benchmarks',
      'docs/examples',
      'scripts/kafka',
    ],
    reporters: ['default', './test-support/summary-reporter.ts'],
    // Kafka brokers share two cores with the tests: keep file parallelism modest.
    maxWorkers: 2,
  },
});
