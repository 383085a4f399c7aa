// One place that says how every workspace package runs its tests: typia's transform applied (an
// untransformed typia call throws at runtime) and the local Kafka brokers made available.
import { fileURLToPath } from 'node:url';
import UnpluginTypia from '@typia/unplugin/vite';
import { defineProject } from 'vitest/config';
import type { UserWorkspaceConfig } from 'vitest/config';

const globalSetup = fileURLToPath(new URL('./test-support/kafka-global-setup.ts', import.meta.url));

/** The vitest project config for one workspace package; `kafka` starts (or reuses) the local brokers. */
export function heraldProject(name: string, dir: string, { kafka = false } = {}): UserWorkspaceConfig {
  return defineProject({
    plugins: [UnpluginTypia({ cache: false, log: false, tsconfig: `${dir}/tsconfig.json` })],
    test: {
      name,
      root: dir,
      include: ['test/**/*.test.ts'],
      globalSetup: kafka ? [globalSetup] : [],
      testTimeout: 60_000,
      hookTimeout: 180_000,
    },
  });
}
