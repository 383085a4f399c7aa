// The PostgreSQL server the global setup made available, typed for tests.
import { inject } from 'vitest';

/** Where the tests' PostgreSQL listens. */
export interface PostgresEndpoint {
  /** Connection string: the local server (127.0.0.1:55432) unless HERALD_PG_URL names another. */
  readonly url: string;
  /** True when HERALD_PG_URL points elsewhere (restart is not possible then). */
  readonly external: boolean;
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: PostgresEndpoint;
  }
}

/** The local (or HERALD_PG_URL) PostgreSQL for this test run. */
export function postgres(): PostgresEndpoint {
  return inject('postgres');
}
