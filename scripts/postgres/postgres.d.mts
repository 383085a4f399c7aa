// Hand-written types for ./postgres.mjs (plain Node ESM, no build step). Keep in sync with postgres.mjs.

/** `main` serves the tests; `fault` is restarted by the outbox fault test, so nothing else shares it. */
export type Instance = 'main' | 'fault';
export declare const DEFAULT_PORT: number;
export declare const DATABASE: string;
export declare const ROLE: string;
export declare const INSTANCES: Readonly<Record<Instance, number>>;
export declare function cacheRoot(): string;
export declare function port(instance?: Instance): number;
export declare function dataDir(instance?: Instance): string;
export declare function url(instance?: Instance): string;
export declare function binDir(): string;
export interface PostgresOptions {
  readonly instance?: Instance;
  /** Progress messages (default: stderr with a "[postgres]" prefix); `false` silences them. */
  readonly log?: ((message: string) => void) | false;
}
export interface RestartOptions extends PostgresOptions {
  /** `immediate` is a crash (recovery on start); `fast` a clean shutdown. @defaultValue 'fast' */
  readonly mode?: 'fast' | 'immediate';
  /** How long the server stays down. @defaultValue 0 */
  readonly downMs?: number;
}
export declare function startPostgres(opts?: PostgresOptions): Promise<string>;
export declare function stopPostgres(opts?: PostgresOptions): boolean;
export declare function restartPostgres(opts?: RestartOptions): Promise<void>;
export interface PostgresHandle {
  readonly url: string;
  /** True when HERALD_PG_URL names the server: then `stop` does nothing and `restart` throws. */
  readonly external: boolean;
  readonly reused: boolean;
  /** Stops the server if this handle started it. */
  stop(): Promise<void>;
  restart(opts?: Pick<RestartOptions, 'mode' | 'downMs'>): Promise<void>;
}
export declare function ensurePostgres(opts?: PostgresOptions): Promise<PostgresHandle>;
