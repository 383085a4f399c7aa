// Hand-written types for ./kafka.mjs (plain Node ESM, no build step). Keep in sync with kafka.mjs.

export type Mode = 'single' | 'cluster' | 'sasl' | 'fault' | 'chaos' | 'tls';
export type Signal = 'SIGKILL' | 'SIGTERM' | 'SIGINT' | 'SIGHUP' | 'SIGSTOP' | 'SIGCONT';
/** Progress messages (default: stderr with a "[kafka]" prefix); `false` silences them. */
export type Log = ((message: string) => void) | false;

export interface NodeInfo {
  id: number;
  pid: number;
  /** PLAINTEXT client port on 127.0.0.1 */
  port: number;
  controllerPort: number;
  /** SASL_PLAINTEXT (SCRAM-SHA-512) port, sasl mode only */
  saslPort?: number;
  /** tls mode: listener name -> port (see TLS_LISTENERS) */
  tlsPorts?: Record<string, number>;
}

/** What the tls mode generated at start: CA files and one bootstrap per TLS listener. */
export interface TlsInfo {
  /** PEM of the CA that signed every broker certificate */
  caFile: string;
  /** PEM of an unrelated CA (the "wrong CA" a client may be given) */
  otherCaFile: string;
  /** a client certificate signed by the CA (the broker does not ask for one) */
  clientCertFile: string;
  /** its PKCS#8 key, encrypted with clientKeyPassword */
  clientKeyFile: string;
  clientKeyPassword: string;
  /** listener name (SSL, SASL_SSL, EXPIRED, WRONGHOST) -> 127.0.0.1:port */
  bootstrap: Record<string, string>;
}

export interface StartOptions {
  /** default 'single' */
  mode?: Mode;
  /** default <cache>/run/<mode>/data; wiped on every start (refuses non-empty folders it did not create) */
  dataDir?: string;
  /** broker properties for every node, e.g. { 'auto.create.topics.enable': false } */
  overrides?: Record<string, string | number | boolean>;
  /** readiness timeout, default 90000 */
  timeoutMs?: number;
  /** JVM heap per node in MiB (default 512 single/sasl, 384 cluster) */
  heapMb?: number;
  log?: Log;
}

export interface KafkaHandle {
  mode: Mode;
  /** comma-separated host:port list, PLAINTEXT (in sasl mode: the admin port, principal ANONYMOUS = super user) */
  bootstrap: string;
  /** sasl mode: SASL_PLAINTEXT bootstrap (127.0.0.1:9194), or env KAFKA_SASL_BROKERS when external */
  saslBootstrap?: string;
  /** tls mode only */
  tls?: TlsInfo;
  /** true when env KAFKA_BROKERS is used: nothing was started, node operations throw */
  external: boolean;
  /** true when ensureKafka reused an already running broker: stop() is then a no-op */
  reused: boolean;
  dataDir?: string;
  clusterId?: string;
  /** set when this call started the broker */
  timings?: { totalMs: number; formatMs: number; bootMs: number };
  /** pids are updated by restartNode() */
  nodes: NodeInfo[];
  /** stops the broker if this handle started it; no-op for reused/external brokers */
  stop(): Promise<void>;
  /** default SIGKILL; waits until the process is gone for SIGKILL/SIGTERM */
  killNode(id: number, signal?: Signal): Promise<{ id: number; pid: number }>;
  /** same command line, no reformat; waits until every running node lists all brokers */
  restartNode(id: number, opts?: { timeoutMs?: number; log?: Log }): Promise<{ id: number; pid: number; ms: number }>;
  /** SIGSTOP */
  pauseNode(id: number): Promise<{ id: number; pid: number }>;
  /** SIGCONT */
  resumeNode(id: number): Promise<{ id: number; pid: number }>;
}

export interface JarsInfo {
  version: string;
  libsDir: string;
  /** true when the marker file existed (no Maven run) */
  cached: boolean;
  /** duration of the Maven run that filled libsDir */
  seconds: number;
  jars: number;
  bytes: number;
  /** tool alias -> main class found in the jars, e.g. { StorageTool: 'kafka.tools.StorageTool' } */
  classes: Record<string, string>;
}

export interface ToolResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunToolOptions {
  /** -Xmx, default '256m' */
  heap?: string;
  /** C1-only + SerialGC for quick startup; default true except for *Performance tools */
  fastStart?: boolean;
  jvmArgs?: string[];
  /** default 120000; the JVM is SIGKILLed after it */
  timeoutMs?: number;
  /** written to stdin */
  input?: string;
  /** do not throw on a non-zero exit code */
  allowFailure?: boolean;
}

export interface NodeStatus extends NodeInfo {
  alive: boolean;
  paused: boolean;
  logFile: string;
}

export interface ModeStatus {
  mode: Mode;
  version: string;
  bootstrap: string;
  saslBootstrap?: string;
  dataDir: string;
  startedAt: string;
  /** every node is alive, unpaused and answers Metadata listing all nodes */
  ready: boolean;
  nodes: NodeStatus[];
}

/** Tests, demo and benchmarks call this: KAFKA_BROKERS → external; running broker of the same mode+overrides → reused; else start. */
export function ensureKafka(opts?: StartOptions): Promise<KafkaHandle>;
/** Always starts fresh (throws if this mode is already running or a port is taken). */
export function startKafka(opts?: StartOptions): Promise<KafkaHandle>;
/** SIGTERM, up to graceMs (10000), then SIGKILL; removes the state file. Default mode 'all'. */
export function stopKafka(
  mode?: Mode | 'all',
  opts?: { graceMs?: number; log?: Log },
): Promise<Array<{ mode: Mode; pids: number[]; killed: number[]; ms: number }>>;
export function killNode(mode: Mode, id: number, signal?: Signal): Promise<{ id: number; pid: number }>;
export function restartNode(
  mode: Mode,
  id: number,
  opts?: { timeoutMs?: number; log?: Log },
): Promise<{ id: number; pid: number; ms: number }>;
/** Restarts several nodes together (a cluster without quorum needs its voters up at once). */
export function restartNodes(
  mode: Mode,
  ids: number[],
  opts?: { timeoutMs?: number; log?: Log },
): Promise<Array<{ id: number; pid: number; ms: number }>>;
export function pauseNode(mode: Mode, id: number): Promise<{ id: number; pid: number }>;
export function resumeNode(mode: Mode, id: number): Promise<{ id: number; pid: number }>;
export function kafkaStatus(): Promise<ModeStatus[]>;

/** Downloads the jars once into <cache>/<version>/libs (Maven); instant afterwards. */
export function fetchJars(opts?: { log?: (message: string) => void }): Promise<JarsInfo>;
/** Runs a Kafka Java tool: an alias from JarsInfo.classes (e.g. 'ProducerPerformance') or a full class name. */
export function runTool(mainClass: string, args?: string[], opts?: RunToolOptions): Promise<ToolResult>;
/** TopicCommand --create (with --if-not-exists unless ifNotExists is false). */
export function createTopic(opts: {
  bootstrap: string;
  topic: string;
  partitions?: number;
  replicationFactor?: number;
  configs?: Record<string, string | number | boolean>;
  ifNotExists?: boolean;
  /** client properties file, e.g. for the SASL port */
  commandConfig?: string;
}): Promise<void>;

export function kafkaVersion(): string;
/** env HERALD_KAFKA_CACHE or <repo>/.cache/kafka */
export function cacheRoot(): string;
/** <cache>/run/<mode> */
export function runDir(mode: Mode): string;
/** <cache>/run/<mode>/state.json */
export function stateFile(mode: Mode): string;
export function readState(mode: Mode): unknown;
/** stdout+stderr log of one node (throws if the mode is not recorded or the node does not exist) */
export function nodeLogFile(mode: Mode, id?: number): string;
export function nodePorts(mode: Mode): Array<{ id: number; port: number; controllerPort: number; saslPort?: number }>;

export const MODES: readonly Mode[];
/** SCRAM-SHA-512 users created in sasl mode: admin (super user), alice, bob */
export const SASL_USERS: Readonly<{ admin: string; alice: string; bob: string }>;
/** AclCommand argument lists applied in sasl mode */
export const SASL_ACLS: ReadonlyArray<readonly string[]>;
/** topics pre-created in sasl mode: 'allowed', 'bob-scratch' */
export const SASL_TOPICS: readonly string[];
/** TLS listeners of the tls node: SSL and SASL_SSL (good certificate), EXPIRED and WRONGHOST (broken on purpose) */
export const TLS_LISTENERS: ReadonlyArray<{
  name: string;
  port: number;
  protocol: 'SSL' | 'SASL_SSL';
  keystore: string;
}>;
