#!/usr/bin/env node
// Local Apache Kafka (KRaft) for Herald's tests, demo and benchmarks: public API + CLI.
// Plain Node ESM, node: builtins only. Types: JSDoc, below (kafka.d.mts is generated). Usage: docs/development.md.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  BROKER_LOG4J,
  TOOLS_LOG4J,
  cacheRoot,
  fetchJars,
  javaBin,
  kafkaVersion,
  resolveClass,
  withLock,
} from './jars.mjs';
import {
  MODES,
  SASL_ACLS,
  SASL_TOPICS,
  SASL_USERS,
  brokerProperties,
  heapMb,
  nodePorts,
  renderProperties,
  scramFormatArgs,
} from './config.mjs';
import {
  fileTail,
  isOurBroker,
  isPaused,
  portFree,
  run,
  signal,
  spawnDetached,
  terminate,
  waitGone,
} from './process.mjs';
import { isReady, waitReady } from './ready.mjs';
import { TLS_LISTENERS, createTlsMaterial } from './tls.mjs';

export { fetchJars, kafkaVersion, cacheRoot, MODES, SASL_USERS, SASL_ACLS, SASL_TOPICS, TLS_LISTENERS, nodePorts };

const JVM_PERF = [
  '-server',
  '-XX:+UseG1GC',
  '-XX:MaxGCPauseMillis=20',
  '-XX:InitiatingHeapOccupancyPercent=35',
  '-XX:+ExplicitGCInvokesConcurrent',
  '-XX:MaxInlineLevel=15',
  '-Djava.awt.headless=true',
];
// Short-lived tools start about twice as fast with C1 only + serial GC.
const JVM_FAST = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];
const DATA_MARKER = '.herald-kafka-data';
const DEFAULT_TIMEOUT_MS = 90_000;

// The public types: kafka.d.mts (and the other *.d.mts) are generated from these JSDoc types by
// `node declarations.mjs` (tsc --declaration --emitDeclarationOnly --allowJs); lint runs it with
// --check, so the declarations cannot drift from the code.

/** @typedef {'single'|'cluster'|'sasl'|'fault'|'chaos'|'tls'} Mode */
/** @typedef {'SIGKILL'|'SIGTERM'|'SIGINT'|'SIGHUP'|'SIGSTOP'|'SIGCONT'} Signal */
/** Progress messages (default: stderr with a "[kafka]" prefix); `false` silences them. @typedef {((message: string) => void) | false} Log */
/**
 * @typedef {object} NodeInfo
 * @property {number} id
 * @property {number} pid
 * @property {number} port PLAINTEXT client port on 127.0.0.1
 * @property {number} controllerPort
 * @property {number} [saslPort] SASL_PLAINTEXT (SCRAM-SHA-512) port, sasl mode only
 * @property {Record<string, number>} [tlsPorts] tls mode: listener name -> port (see TLS_LISTENERS)
 */
/**
 * What the tls mode generated at start: CA files and one bootstrap per TLS listener.
 * @typedef {object} TlsInfo
 * @property {string} caFile PEM of the CA that signed every broker certificate
 * @property {string} otherCaFile PEM of an unrelated CA (the "wrong CA" a client may be given)
 * @property {string} clientCertFile a client certificate signed by the CA (the broker does not ask for one)
 * @property {string} clientKeyFile its PKCS#8 key, encrypted with clientKeyPassword
 * @property {string} clientKeyPassword
 * @property {Record<string, string>} bootstrap listener name (SSL, SASL_SSL, EXPIRED, WRONGHOST) -> 127.0.0.1:port
 */
/**
 * @typedef {object} StartOptions
 * @property {Mode} [mode] default 'single'
 * @property {string} [dataDir] default <cache>/run/<mode>/data; wiped on every start (refuses non-empty folders it did not create)
 * @property {Record<string, string|number|boolean>} [overrides] broker properties for every node, e.g. { 'auto.create.topics.enable': false }
 * @property {number} [timeoutMs] readiness timeout, default 90000
 * @property {number} [heapMb] JVM heap per node in MiB (default 512 single/sasl, 384 cluster)
 * @property {Log} [log]
 */
/**
 * @typedef {object} KafkaHandle
 * @property {Mode} mode
 * @property {string} bootstrap comma-separated host:port list, PLAINTEXT (in sasl mode: the admin port, principal ANONYMOUS = super user)
 * @property {string} [saslBootstrap] sasl mode: SASL_PLAINTEXT bootstrap (127.0.0.1:9194), or env KAFKA_SASL_BROKERS when external
 * @property {TlsInfo} [tls] tls mode only
 * @property {boolean} external true when env KAFKA_BROKERS is used: nothing was started, node operations throw
 * @property {boolean} reused true when ensureKafka reused an already running broker: stop() is then a no-op
 * @property {string | undefined} [dataDir] undefined when external
 * @property {string | undefined} [clusterId] undefined when external
 * @property {Record<string, number> | undefined} [timings] set when this call started the broker: totalMs, formatMs, bootMs
 * @property {NodeInfo[]} nodes pids are updated by restartNode()
 * @property {() => Promise<void>} stop stops the broker if this handle started it; no-op for reused/external brokers
 * @property {(id: number, signal?: Signal) => Promise<{ id: number, pid: number }>} killNode default SIGKILL; waits until the process is gone for SIGKILL/SIGTERM
 * @property {(id: number, opts?: { timeoutMs?: number, log?: Log }) => Promise<{ id: number, pid: number, ms: number }>} restartNode same command line, no reformat; waits until every running node lists all brokers
 * @property {(id: number) => Promise<{ id: number, pid: number }>} pauseNode SIGSTOP
 * @property {(id: number) => Promise<{ id: number, pid: number }>} resumeNode SIGCONT
 */
/** @typedef {{ code: number | null, stdout: string, stderr: string }} ToolResult */
/**
 * @typedef {object} RunToolOptions
 * @property {string} [heap] -Xmx, default '256m'
 * @property {boolean} [fastStart] C1-only + SerialGC for quick startup; default true except for *Performance tools
 * @property {string[]} [jvmArgs]
 * @property {number} [timeoutMs] default 120000; the JVM is SIGKILLed after it
 * @property {string} [input] written to stdin
 * @property {boolean} [allowFailure] do not throw on a non-zero exit code
 */
/**
 * @typedef {object} NodeStatus
 * @property {number} id
 * @property {number} pid
 * @property {number} port
 * @property {number} controllerPort
 * @property {number | undefined} [saslPort]
 * @property {boolean} alive
 * @property {boolean} paused
 * @property {string} logFile
 */
/**
 * @typedef {object} ModeStatus
 * @property {Mode} mode
 * @property {string} version
 * @property {string} bootstrap
 * @property {string | undefined} [saslBootstrap]
 * @property {string} dataDir
 * @property {string} startedAt
 * @property {boolean} ready every node is alive, unpaused and answers Metadata listing all nodes
 * @property {NodeStatus[]} nodes
 */
/**
 * @typedef {{ id: number, pid: number, port: number, controllerPort: number, saslPort?: number, tlsPorts?: Record<string, number>,
 *   configFile: string, logFile: string, command: string[], cwd: string, paused?: boolean }} NodeState
 * @typedef {{ mode: Mode, version: string, bootstrap: string, saslBootstrap?: string, tls?: TlsInfo, dataDir: string,
 *   clusterId: string, overrides: Record<string,string>, startedAt: string, nodes: NodeState[] }} State
 */

/** Every port a node listens on. @param {{ port: number, controllerPort: number, saslPort?: number, tlsPorts?: Record<string, number> }} n */
const portsOf = (n) => [
  n.port,
  n.controllerPort,
  ...(n.saslPort ? [n.saslPort] : []),
  ...Object.values(n.tlsPorts ?? {}),
];

const defaultLog = (/** @type {string} */ m) => process.stderr.write(`[kafka] ${m}\n`);
/** @param {{ log?: ((m: string) => void) | false }} opts */
const logger = (opts) => (opts.log === false ? () => {} : (opts.log ?? defaultLog));

/** @param {unknown} mode @returns {Mode} */
function checkMode(mode) {
  if (!MODES.includes(/** @type {Mode} */ (mode)))
    throw new Error(`unknown mode "${String(mode)}"; use one of: ${MODES.join(', ')}`);
  return /** @type {Mode} */ (mode);
}

export function runDir(/** @type {Mode} */ mode) {
  return path.join(cacheRoot(), 'run', checkMode(mode));
}
export function stateFile(/** @type {Mode} */ mode) {
  return path.join(runDir(mode), 'state.json');
}

/** @param {Mode} mode @returns {State|null} */
export function readState(mode) {
  try {
    const state = /** @type {State} */ (JSON.parse(fs.readFileSync(stateFile(mode), 'utf8')));
    return state;
  } catch {
    return null;
  }
}
/** @param {State} state */
function writeState(state) {
  fs.mkdirSync(runDir(state.mode), { recursive: true });
  const file = stateFile(state.mode);
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  fs.renameSync(`${file}.tmp`, file);
}

/** @param {State} state @param {number} id */
function findNode(state, id) {
  const node = state.nodes.find((n) => n.id === Number(id));
  if (!node) {
    const ids = state.nodes.map((n) => n.id);
    throw new Error(
      `node ${id} does not exist; ${state.mode} node${ids.length > 1 ? 's are' : ' is'} ${ids.join(', ')}`,
    );
  }
  return node;
}

/** @param {Mode} mode */
function requireState(mode) {
  const state = readState(mode);
  if (!state) throw new Error(`no Herald ${mode} broker is running (no ${stateFile(mode)})`);
  return state;
}

/** @param {Record<string, unknown>} o @returns {Record<string, string>} */
const normalize = (o = {}) =>
  Object.fromEntries(
    Object.entries(o)
      .map(([k, v]) => /** @type {[string, string]} */ ([k, String(v)]))
      .sort(([a], [b]) => a.localeCompare(b)),
  );

/** @param {string} cls */
function toolJvmArgs(cls, { heap = '256m', fastStart = !/Performance$/.test(cls) } = {}) {
  return [`-Xmx${heap}`, ...(fastStart ? JVM_FAST : []), `-Dlog4j2.configurationFile=${TOOLS_LOG4J}`];
}

/**
 * Runs a Kafka Java tool (alias like 'TopicCommand' or a full class name) with the tools log4j config.
 * @param {string} mainClass
 * @param {string[]} args
 * @param {RunToolOptions} [opts]
 * @returns {Promise<ToolResult>}
 */
export async function runTool(mainClass, args = [], opts = {}) {
  const jars = await fetchJars();
  const cls = resolveClass(mainClass, jars.classes);
  const jvm = [...toolJvmArgs(cls, opts), ...(opts.jvmArgs ?? [])];
  const res = await run(javaBin(), [...jvm, '-cp', path.join(jars.libsDir, '*'), cls, ...args], {
    timeoutMs: opts.timeoutMs ?? 120_000,
    ...(opts.input === undefined ? {} : { input: opts.input }),
  });
  if (res.code !== 0 && !opts.allowFailure) {
    const out = `${res.stderr}\n${res.stdout}`.trim().split('\n').slice(-30).join('\n');
    throw new Error(`${cls} ${args.join(' ')} exited with code ${res.code}:\n${out}`);
  }
  return res;
}

/**
 * Creates a topic with TopicCommand (--if-not-exists by default).
 * @param {{ bootstrap: string, topic: string, partitions?: number, replicationFactor?: number,
 *   configs?: Record<string, string|number|boolean>, ifNotExists?: boolean, commandConfig?: string }} opts
 */
export async function createTopic({
  bootstrap,
  topic,
  partitions = 1,
  replicationFactor,
  configs = {},
  ifNotExists = true,
  commandConfig,
}) {
  const args = ['--bootstrap-server', bootstrap, '--create', '--topic', topic, '--partitions', String(partitions)];
  if (replicationFactor) args.push('--replication-factor', String(replicationFactor));
  for (const [k, v] of Object.entries(configs)) args.push('--config', `${k}=${v}`);
  if (ifNotExists) args.push('--if-not-exists');
  if (commandConfig) args.push('--command-config', commandConfig);
  await runTool('TopicCommand', args);
}

/** Error for ports in use, naming a Herald broker that holds it if we know one. @param {Mode} mode */
async function checkPorts(mode) {
  for (const n of nodePorts(mode)) {
    for (const port of portsOf(n)) {
      if (await portFree(port)) continue;
      for (const other of MODES) {
        const st = readState(other);
        const holder = st?.nodes.find((x) => portsOf(x).includes(port) && isOurBroker(x.pid, st.dataDir));
        if (st && holder) {
          throw new Error(
            `port 127.0.0.1:${port} is in use by the Herald ${other} broker (node ${holder.id}, pid ${holder.pid}, state ${stateFile(other)}); stop it with: node scripts/kafka/kafka.mjs stop ${other}`,
          );
        }
      }
      throw new Error(
        `port 127.0.0.1:${port} (needed by ${mode} node ${n.id}) is already in use by another process; free it, or set KAFKA_BROKERS to use an existing broker`,
      );
    }
  }
}

/** Wipes and recreates dataDir, refusing to wipe a non-empty folder that we did not create. @param {string} dataDir */
function freshDataDir(dataDir) {
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length && !fs.existsSync(path.join(dataDir, DATA_MARKER))) {
    throw new Error(
      `refusing to wipe ${dataDir}: it is not empty and was not created by scripts/kafka (no ${DATA_MARKER})`,
    );
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dataDir, 'config'), { recursive: true });
  fs.mkdirSync(path.join(dataDir, 'logs'), { recursive: true });
  fs.writeFileSync(
    path.join(dataDir, DATA_MARKER),
    'data folder of a local Herald Kafka broker; wiped on each start\n',
  );
}

function newClusterId() {
  for (;;) {
    const id = crypto.randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id; // a leading '-' would parse as an option
  }
}

/** Log tails of the given nodes, for error messages. @param {NodeState[]} nodes */
function tails(nodes, lines = 60) {
  const per = Math.max(20, Math.floor(lines / Math.max(1, nodes.length)));
  return nodes
    .map((n) => `--- last ${per} lines of node ${n.id} log (${n.logFile}):\n${fileTail(n.logFile, per) || '(empty)'}`)
    .join('\n');
}

/** Throws if a node process died. @param {State} state @param {NodeState[]} nodes */
function assertAlive(state, nodes) {
  for (const n of nodes) {
    if (!isOurBroker(n.pid, state.dataDir)) {
      throw new Error(`Kafka ${state.mode} node ${n.id} (pid ${n.pid}) exited during startup\n${tails([n])}`);
    }
  }
}

/** @param {State} state */
function readyPorts(state) {
  return { ports: state.nodes.map((n) => n.port), expectedIds: state.nodes.map((n) => n.id) };
}

/** @param {State} _state @param {NodeState} node */
function startNodeProcess(_state, node) {
  fs.appendFileSync(node.logFile, `\n===== herald: starting node ${node.id} at ${new Date().toISOString()} =====\n`);
  const [program = 'java', ...args] = node.command;
  const child = spawnDetached(program, args, { cwd: node.cwd, logFile: node.logFile });
  if (!child.pid) throw new Error(`could not start ${program} for node ${node.id}`);
  node.pid = child.pid;
  node.paused = false;
}

/**
 * Starts a fresh broker/cluster: wipes dataDir, formats, starts detached JVMs, waits until ready
 * (throws if this mode is already running or a port is taken).
 * @param {StartOptions} [opts]
 * @returns {Promise<KafkaHandle>}
 */
export async function startKafka(opts = {}) {
  const mode = checkMode(opts.mode ?? 'single');
  const log = logger(opts);
  const t0 = Date.now();
  const existing = readState(mode);
  const live = existing?.nodes.filter((n) => isOurBroker(n.pid, existing.dataDir)) ?? [];
  if (existing && live.length) {
    throw new Error(
      `a Herald ${mode} broker is already running (pid ${live.map((n) => n.pid).join(', ')}); stop it first: node scripts/kafka/kafka.mjs stop ${mode}`,
    );
  }
  if (existing) fs.rmSync(stateFile(mode), { force: true });
  await checkPorts(mode);
  const jars = await fetchJars({ log });
  const dataDir = path.resolve(opts.dataDir ?? path.join(runDir(mode), 'data'));
  freshDataDir(dataDir);
  const tls = mode === 'tls' ? await createTlsMaterial(path.join(dataDir, 'tls')) : undefined;
  const clusterId = newClusterId();
  const cp = path.join(jars.libsDir, '*');
  const heap = opts.heapMb ?? heapMb(mode);
  const overrides = normalize(opts.overrides);

  /** @type {NodeState[]} */
  const nodes = nodePorts(mode).map((p) => {
    const configFile = path.join(dataDir, 'config', `node${p.id}.properties`);
    const props = brokerProperties(mode, p, path.join(dataDir, `node${p.id}`), overrides);
    fs.writeFileSync(configFile, renderProperties(props));
    const logsDir = path.join(dataDir, 'logs', `node${p.id}`);
    fs.mkdirSync(logsDir, { recursive: true });
    const command = [
      javaBin(),
      `-Xms${heap}m`,
      `-Xmx${heap}m`,
      ...JVM_PERF,
      `-Dkafka.logs.dir=${logsDir}`,
      `-Dlog4j2.configurationFile=${BROKER_LOG4J}`,
      '-cp',
      cp,
      jars.classes.Kafka,
      configFile,
    ];
    return { ...p, pid: 0, configFile, logFile: path.join(dataDir, 'logs', `node${p.id}.log`), command, cwd: dataDir };
  });

  log(`formatting ${nodes.length} ${mode} node(s) in ${dataDir} (cluster id ${clusterId})`);
  const scram = mode === 'sasl' || mode === 'tls' ? scramFormatArgs() : [];
  await Promise.all(
    nodes.map(async (n) => {
      const res = await run(
        javaBin(),
        [
          ...toolJvmArgs('StorageTool'),
          '-cp',
          cp,
          jars.classes.StorageTool,
          'format',
          '--cluster-id',
          clusterId,
          '--config',
          n.configFile,
          ...scram,
        ],
        { timeoutMs: 120_000 },
      );
      if (res.code !== 0)
        throw new Error(
          `formatting ${mode} node ${n.id} failed (code ${res.code}):\n${`${res.stderr}\n${res.stdout}`.trim()}`,
        );
    }),
  );
  const formattedAt = Date.now();

  /** @type {State} */
  const state = {
    mode,
    version: jars.version,
    dataDir,
    clusterId,
    overrides,
    startedAt: new Date().toISOString(),
    nodes,
    bootstrap: nodes.map((n) => `127.0.0.1:${n.port}`).join(','),
    ...(mode === 'sasl' ? { saslBootstrap: nodes.map((n) => `127.0.0.1:${n.saslPort}`).join(',') } : {}),
    ...(tls
      ? { tls: { ...tls, bootstrap: Object.fromEntries(TLS_LISTENERS.map((l) => [l.name, `127.0.0.1:${l.port}`])) } }
      : {}),
  };
  for (const n of nodes) startNodeProcess(state, n);
  writeState(state);
  log(
    `started ${mode}: ${nodes.map((n) => `node ${n.id} pid ${n.pid} on 127.0.0.1:${n.port}`).join(', ')}; waiting until ready`,
  );

  try {
    await waitReady({
      ...readyPorts(state),
      extraPorts: nodes.flatMap((n) => portsOf(n).slice(2)),
      timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      check: () => assertAlive(state, nodes),
    });
    if (mode === 'sasl') {
      // ACLs and topics through the PLAINTEXT admin port (principal ANONYMOUS is a super user).
      await Promise.all([
        ...SASL_ACLS.map((acl) => runTool('AclCommand', ['--bootstrap-server', state.bootstrap, '--add', ...acl])),
        ...SASL_TOPICS.map((topic) => createTopic({ bootstrap: state.bootstrap, topic })),
      ]);
    }
  } catch (e) {
    const err = /** @type {Error} */ (e);
    const msg = err.message.includes('--- last') ? err.message : `${err.message}\n${tails(nodes)}`;
    await terminate(
      nodes.map((n) => n.pid).filter((p) => isOurBroker(p, dataDir)),
      10_000,
    );
    fs.rmSync(stateFile(mode), { force: true });
    throw new Error(`Kafka ${mode} failed to start: ${msg}`);
  }
  const readyMs = Date.now() - t0;
  log(
    `${mode} ready on ${state.bootstrap}${state.saslBootstrap ? ` (SASL ${state.saslBootstrap})` : ''} in ${(readyMs / 1000).toFixed(1)} s (format ${((formattedAt - t0) / 1000).toFixed(1)} s)`,
  );
  return makeHandle(state, {
    owned: true,
    reused: false,
    timings: { totalMs: readyMs, formatMs: formattedAt - t0, bootMs: Date.now() - formattedAt },
  });
}

/**
 * Stops the recorded broker(s) of a mode (or 'all'): SIGTERM, up to 10 s, then SIGKILL; removes the state file.
 * (A cluster whose nodes all stop at once can hang in controlled shutdown without a quorum, and the
 * data dir is wiped at the next start anyway: 10 s is plenty.)
 * Only pids that still look like our broker (kafka.Kafka + our data dir in /proc/<pid>/cmdline) are signalled.
 * @param {Mode|'all'} [mode]
 * @param {{ graceMs?: number, log?: ((m: string) => void) | false }} [opts]
 * @returns {Promise<Array<{ mode: Mode, pids: number[], killed: number[], ms: number }>>}
 */
export async function stopKafka(mode = 'all', opts = {}) {
  const log = logger(opts);
  if (mode === 'all') {
    const out = [];
    for (const m of MODES) out.push(...(await stopKafka(m, opts)));
    return out;
  }
  const state = readState(checkMode(mode));
  if (!state) return [];
  const m = state.mode;
  const pids = state.nodes.map((n) => n.pid).filter((p) => isOurBroker(p, state.dataDir));
  const t0 = Date.now();
  const res = await terminate(pids, opts.graceMs ?? 10_000);
  fs.rmSync(stateFile(mode), { force: true });
  if (pids.length)
    log(
      `stopped ${mode} (pids ${pids.join(', ')}${res.killed.length ? `; SIGKILLed ${res.killed.join(', ')}` : ''}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
  return [{ mode: m, pids, killed: res.killed, ms: Date.now() - t0 }];
}

/**
 * Sends a signal to one node (default SIGKILL); for SIGKILL/SIGTERM waits until the process is gone.
 * @param {Mode} mode @param {number} id @param {NodeJS.Signals} [sig]
 */
export async function killNode(mode, id, sig = 'SIGKILL') {
  const state = requireState(checkMode(mode));
  const node = findNode(state, id);
  if (!isOurBroker(node.pid, state.dataDir))
    throw new Error(`${mode} node ${node.id} is not running (pid ${node.pid} is gone)`);
  if (sig === 'SIGTERM') signal(node.pid, 'SIGCONT');
  signal(node.pid, sig);
  if (sig === 'SIGKILL' || sig === 'SIGTERM') {
    const left = await waitGone([node.pid], 30_000);
    if (left.length) throw new Error(`${mode} node ${node.id} (pid ${node.pid}) did not exit after ${sig}`);
    node.paused = false;
    writeState(state);
  }
  return { id: node.id, pid: node.pid };
}

/**
 * Restarts one node with its recorded command line (no reformat) and waits until every node sees it.
 * A running node is stopped first (SIGTERM).
 * @param {Mode} mode @param {number} id @param {{ timeoutMs?: number, log?: ((m: string) => void) | false }} [opts]
 */
export async function restartNode(mode, id, opts = {}) {
  const [r] = await restartNodes(mode, [id], opts);
  return /** @type {{ id: number, pid: number, ms: number }} */ (r);
}

/**
 * Restarts several nodes at once (one state-file update), for a cluster whose quorum is down: a
 * lone voter of three never becomes ready, so they must come up together. Waits until every
 * running, unpaused node lists all of them.
 * @param {Mode} mode @param {number[]} ids @param {{ timeoutMs?: number, log?: ((m: string) => void) | false }} [opts]
 */
export async function restartNodes(mode, ids, opts = {}) {
  const log = logger(opts);
  const state = requireState(checkMode(mode));
  const nodes = ids.map((id) => findNode(state, id));
  const t0 = Date.now();
  await terminate(nodes.map((n) => n.pid).filter((p) => isOurBroker(p, state.dataDir)));
  for (const node of nodes) {
    for (const port of portsOf(node)) {
      if (!(await portFree(port)))
        throw new Error(`cannot restart ${mode} node ${node.id}: port 127.0.0.1:${port} is in use`);
    }
  }
  for (const node of nodes) startNodeProcess(state, node);
  writeState(state);
  // Every running, unpaused node (including these) must list all of those brokers again.
  const up = state.nodes.filter((n) => isOurBroker(n.pid, state.dataDir) && !isPaused(n.pid));
  const names = nodes.map((n) => n.id).join(', ');
  try {
    await waitReady({
      ports: up.map((n) => n.port),
      expectedIds: up.map((n) => n.id),
      extraPorts: nodes.flatMap((n) => portsOf(n).slice(2)),
      timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      check: () => assertAlive(state, nodes),
    });
  } catch (e) {
    throw new Error(
      `restarting ${mode} node ${names} failed: ${/** @type {Error} */ (e).message}${/** @type {Error} */ (e).message.includes('--- last') ? '' : `\n${tails(nodes)}`}`,
    );
  }
  log(
    `${mode} node ${names} restarted (pid ${nodes.map((n) => n.pid).join(', ')}) and ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  return nodes.map((n) => ({ id: n.id, pid: n.pid, ms: Date.now() - t0 }));
}

/** @param {Mode} mode @param {number} id @param {boolean} pause */
// eslint-disable-next-line @typescript-eslint/require-await -- async so that bad input rejects like the other node operations
async function setPaused(mode, id, pause) {
  const state = requireState(checkMode(mode));
  const node = findNode(state, id);
  if (!isOurBroker(node.pid, state.dataDir))
    throw new Error(`${mode} node ${node.id} is not running (pid ${node.pid} is gone)`);
  signal(node.pid, pause ? 'SIGSTOP' : 'SIGCONT');
  node.paused = pause;
  writeState(state);
  return { id: node.id, pid: node.pid };
}
/** SIGSTOP one node (it keeps its sockets but stops answering). @param {Mode} mode @param {number} id */
export const pauseNode = (mode, id) => setPaused(mode, id, true);
/** SIGCONT a paused node. @param {Mode} mode @param {number} id */
export const resumeNode = (mode, id) => setPaused(mode, id, false);

/**
 * State of every mode that has a state file, with liveness and a quick Kafka-level readiness check.
 * @returns {Promise<ModeStatus[]>}
 */
export async function kafkaStatus() {
  /** @type {ModeStatus[]} */
  const out = [];
  for (const mode of MODES) {
    const st = readState(mode);
    if (!st) continue;
    const nodes = st.nodes.map((n) => {
      const alive = isOurBroker(n.pid, st.dataDir);
      return {
        id: n.id,
        pid: n.pid,
        port: n.port,
        controllerPort: n.controllerPort,
        saslPort: n.saslPort,
        alive,
        paused: alive && isPaused(n.pid),
        logFile: n.logFile,
      };
    });
    const ready =
      nodes.every((n) => n.alive && !n.paused) &&
      (await isReady(
        nodes.map((n) => n.port),
        nodes.map((n) => n.id),
      ));
    out.push({
      mode,
      version: st.version,
      bootstrap: st.bootstrap,
      saslBootstrap: st.saslBootstrap,
      dataDir: st.dataDir,
      startedAt: st.startedAt,
      ready,
      nodes,
    });
  }
  return out;
}

/**
 * Path of a node's stdout/stderr log; after a stop or a failed start (no state file) the default data dir's log.
 * @param {Mode} mode @param {number} [id]
 */
export function nodeLogFile(mode, id = 1) {
  const st = readState(checkMode(mode));
  if (st) return findNode(st, id).logFile;
  const ids = nodePorts(mode).map((n) => n.id);
  if (!ids.includes(Number(id)))
    throw new Error(`node ${id} does not exist; ${mode} node${ids.length > 1 ? 's are' : ' is'} ${ids.join(', ')}`);
  const file = path.join(runDir(mode), 'data', 'logs', `node${id}.log`);
  if (!fs.existsSync(file)) throw new Error(`no log for ${mode} node ${id} (${file})`);
  return file;
}

/**
 * @param {State} state
 * @param {{ owned: boolean, reused: boolean, timings?: Record<string, number> }} how
 * @returns {KafkaHandle}
 */
function makeHandle(state, { owned, reused, timings }) {
  /** @type {KafkaHandle} */
  const handle = {
    mode: state.mode,
    bootstrap: state.bootstrap,
    ...(state.saslBootstrap ? { saslBootstrap: state.saslBootstrap } : {}),
    ...(state.tls ? { tls: state.tls } : {}),
    external: false,
    reused,
    dataDir: state.dataDir,
    clusterId: state.clusterId,
    timings,
    nodes: state.nodes.map((n) => ({
      id: n.id,
      pid: n.pid,
      port: n.port,
      controllerPort: n.controllerPort,
      ...(n.saslPort ? { saslPort: n.saslPort } : {}),
    })),
    async stop() {
      if (owned) await stopKafka(state.mode);
    },
    async killNode(/** @type {number} */ id, /** @type {NodeJS.Signals} */ sig = 'SIGKILL') {
      return killNode(state.mode, id, sig);
    },
    async restartNode(/** @type {number} */ id, opts = {}) {
      const r = await restartNode(state.mode, id, opts);
      const n = handle.nodes.find((x) => x.id === r.id);
      if (n) n.pid = r.pid;
      return r;
    },
    async pauseNode(/** @type {number} */ id) {
      return pauseNode(state.mode, id);
    },
    async resumeNode(/** @type {number} */ id) {
      return resumeNode(state.mode, id);
    },
  };
  return handle;
}

/**
 * What tests, the demo and benchmarks call. KAFKA_BROKERS set → use it (nothing started). Else reuse a
 * running, ready broker of this mode started with the same overrides (its stop() is then a no-op), else
 * fetch jars and start a fresh one (stop() stops it).
 * @param {StartOptions} [opts]
 * @returns {Promise<KafkaHandle>}
 */
export async function ensureKafka(opts = {}) {
  const mode = checkMode(opts.mode ?? 'single');
  if (process.env.KAFKA_BROKERS) {
    // eslint-disable-next-line @typescript-eslint/require-await -- the handle's operations all return promises
    const unsupported = async () => {
      throw new Error('not supported for an external broker (KAFKA_BROKERS is set)');
    };
    return {
      mode,
      bootstrap: process.env.KAFKA_BROKERS,
      ...(process.env.KAFKA_SASL_BROKERS ? { saslBootstrap: process.env.KAFKA_SASL_BROKERS } : {}),
      external: true,
      reused: false,
      dataDir: undefined,
      clusterId: undefined,
      timings: undefined,
      nodes: [],
      async stop() {},
      killNode: unsupported,
      restartNode: unsupported,
      pauseNode: unsupported,
      resumeNode: unsupported,
    };
  }
  const log = logger(opts);
  return withLock(`${runDir(mode)}.lock`, async () => {
    const st = readState(mode);
    if (st) {
      const same =
        JSON.stringify(st.overrides ?? {}) === JSON.stringify(normalize(opts.overrides)) &&
        (!opts.dataDir || path.resolve(opts.dataDir) === st.dataDir);
      const alive = st.nodes.every((n) => isOurBroker(n.pid, st.dataDir));
      if (
        same &&
        alive &&
        (await isReady(
          st.nodes.map((n) => n.port),
          st.nodes.map((n) => n.id),
        ))
      ) {
        log(`reusing running ${mode} broker on ${st.bootstrap}`);
        return makeHandle(st, { owned: false, reused: true });
      }
      log(
        `recorded ${mode} broker is ${!alive ? 'not running' : !same ? 'running with other overrides/dataDir' : 'not ready'}; starting a fresh one`,
      );
      await stopKafka(mode, opts);
    }
    return startKafka({ ...opts, mode });
  });
}

// ------------------------------------------------------------------------------------------ CLI

const USAGE = `usage: node scripts/kafka/kafka.mjs <command>
  fetch                          download the Kafka jars (once) into the cache
  start [single|cluster|sasl|fault|chaos|tls] start a fresh broker/cluster (default single) and wait until ready
  stop [single|cluster|sasl|fault|chaos|tls|all] stop recorded brokers (default all)
  status [mode]                  show recorded brokers, pids, readiness (with a mode: exit 1 unless it is ready)
  kill-node N [mode]             SIGKILL node N (mode defaults to the running cluster)
  restart-node N [mode]          restart node N with its recorded command line and wait until ready
  pause-node N [mode]            SIGSTOP node N
  resume-node N [mode]           SIGCONT node N
  logs [mode] [--node N] [--lines K]   print the last K (100) lines of a node's log`;

/** Mode for node commands: explicit, else the cluster if running, else the only running mode. @param {string|undefined} m @returns {Mode} */
function pickMode(m) {
  if (m) return checkMode(m);
  const running = MODES.filter((x) => readState(x));
  if (running.includes('cluster')) return 'cluster';
  if (running.length === 1 && running[0]) return running[0];
  if (!running.length) throw new Error('no Herald broker is running');
  throw new Error(`several brokers are running (${running.join(', ')}); pass the mode`);
}

function latestLogMode() {
  const found = MODES.map((m) => {
    try {
      return { m, t: fs.statSync(path.join(runDir(m), 'data', 'logs', 'node1.log')).mtimeMs };
    } catch {
      return { m, t: -1 };
    }
  })
    .filter((x) => x.t >= 0)
    .sort((a, b) => b.t - a.t);
  const latest = found[0];
  if (!latest) throw new Error('no Herald broker log found; start one first');
  return latest.m;
}

/** @param {string[]} argv */
async function cli(argv) {
  const flags = /** @type {Record<string,string>} */ ({});
  const pos = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--')) {
      const [k = '', v] = arg.slice(2).split('=', 2);
      if (!['node', 'lines'].includes(k)) throw new Error(`unknown option --${k}`);
      flags[k] = v ?? argv[++i] ?? '';
    } else pos.push(arg);
  }
  const [cmd, ...rest] = pos;
  const nodeId = (/** @type {string|undefined} */ v) => {
    if (!v || !/^\d+$/.test(v)) throw new Error(`${cmd}: expected a node id (a number), got "${v ?? ''}"`);
    return Number(v);
  };
  switch (cmd) {
    case 'fetch': {
      const j = await fetchJars();
      console.log(
        `Kafka ${j.version}: ${j.jars} jars, ${(j.bytes / 1048576).toFixed(1)} MiB in ${j.libsDir}${j.cached ? ' (cached)' : ` (fetched in ${j.seconds.toFixed(1)} s)`}`,
      );
      return;
    }
    case 'start': {
      const h = await startKafka({ mode: checkMode(rest[0] ?? 'single') });
      console.log(
        `${h.mode} ready: bootstrap ${h.bootstrap}${h.saslBootstrap ? `, SASL ${h.saslBootstrap}` : ''} (pids ${h.nodes.map((n) => n.pid).join(' ')})`,
      );
      return;
    }
    case 'stop': {
      const m = rest[0] ?? 'all';
      const res = await stopKafka(m === 'all' ? 'all' : checkMode(m));
      if (!res.length) console.log(`nothing to stop (${m})`);
      return;
    }
    case 'status': {
      // `status MODE` exits 1 unless that mode is recorded and ready (scripts use it to decide to reuse).
      const only = rest[0] ? checkMode(rest[0]) : undefined;
      const st = (await kafkaStatus()).filter((s) => !only || s.mode === only);
      if (!st.length) console.log(only ? `${only}: not running` : 'no Herald broker recorded');
      if (only && !st[0]?.ready) process.exitCode = 1;
      for (const s of st) {
        console.log(
          `${s.mode}: ${s.ready ? 'READY' : 'NOT READY'} bootstrap ${s.bootstrap}${s.saslBootstrap ? ` SASL ${s.saslBootstrap}` : ''} (Kafka ${s.version}, data ${s.dataDir})`,
        );
        for (const n of s.nodes)
          console.log(
            `  node ${n.id} pid ${n.pid} port ${n.port}: ${n.alive ? (n.paused ? 'paused' : 'running') : 'dead'}`,
          );
      }
      return;
    }
    case 'kill-node':
    case 'restart-node':
    case 'pause-node':
    case 'resume-node': {
      const id = nodeId(rest[0] ?? flags.node);
      const mode = pickMode(rest[1]);
      const r =
        cmd === 'kill-node'
          ? await killNode(mode, id)
          : cmd === 'restart-node'
            ? await restartNode(mode, id)
            : cmd === 'pause-node'
              ? await pauseNode(mode, id)
              : await resumeNode(mode, id);
      console.log(`${mode} node ${r.id}: ${cmd.replace('-node', '')} done (pid ${r.pid})`);
      return;
    }
    case 'logs': {
      // Explicit mode, else a running one, else the mode whose default log was written last.
      const mode = rest[0]
        ? checkMode(rest[0])
        : MODES.some((x) => readState(x))
          ? pickMode(undefined)
          : latestLogMode();
      const id = flags.node ? nodeId(flags.node) : 1;
      const lines = flags.lines ? Number(flags.lines) : 100;
      process.stdout.write(`${fileTail(nodeLogFile(mode, id), lines)}\n`);
      return;
    }
    case undefined:
    case 'help':
    case '-h':
      console.log(USAGE);
      if (!cmd) process.exitCode = 1;
      return;
    default:
      throw new Error(
        `unknown command "${cmd}"; commands: fetch, start, stop, status, kill-node, restart-node, pause-node, resume-node, logs`,
      );
  }
}

const invokedDirectly = (() => {
  try {
    return !!process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
})();
if (invokedDirectly) {
  cli(process.argv.slice(2)).catch((e) => {
    console.error(`kafka: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  });
}
