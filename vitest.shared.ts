// One place that says how every workspace package runs its tests: typia's transform applied (an
// untransformed typia call throws at runtime) and the local Kafka brokers made available.
import { fileURLToPath } from 'node:url';
import UnpluginTypia from '@typia/unplugin/vite';
import { defineProject } from 'vitest/config';
import type { UserWorkspaceConfig } from 'vitest/config';

const globalSetup = fileURLToPath(new URL('./test-support/kafka-global-setup.ts', import.meta.url));
const postgresSetup = fileURLToPath(new URL('./test-support/postgres-global-setup.ts', import.meta.url));

/** How one project differs from the defaults. */
export interface HeraldProjectOptions {
  /** Start (or reuse) the local brokers. */
  readonly kafka?: boolean;
  /** Start (or reuse) the local PostgreSQL (scripts/postgres), for the outbox. */
  readonly postgres?: boolean;
  /**
   * Run the package's type tests (`*.test-d.ts` files, `expectTypeOf`) under vitest's typecheck
   * mode, so they are counted as the type tests they are, not as runtime tests that assert nothing
   * at runtime (opt-in: it runs tsc, which costs time).
   */
  readonly types?: boolean;
  readonly include?: string[];
  /** Values for `inject()` in the tests (e.g. which transport the publisher tests run on). */
  readonly provide?: Record<string, unknown>;
}

/** The vitest project config for one workspace package. */
export function heraldProject(
  name: string,
  dir: string,
  {
    kafka = false,
    postgres = false,
    types = false,
    include = ['test/**/*.test.ts'],
    provide = {},
  }: HeraldProjectOptions = {},
): UserWorkspaceConfig {
  return defineProject({
    plugins: [UnpluginTypia({ cache: false, log: false, tsconfig: `${dir}/tsconfig.json` })],
    test: {
      name,
      root: dir,
      include,
      provide,
      globalSetup: [...(kafka ? [globalSetup] : []), ...(postgres ? [postgresSetup] : [])],
      typecheck: { enabled: types, only: false, include: ['test/**/*.test-d.ts'], tsconfig: `${dir}/tsconfig.json` },
      testTimeout: 60_000,
      hookTimeout: 180_000,
    },
  });
}
