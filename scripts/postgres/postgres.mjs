#!/usr/bin/env node
// Local PostgreSQL for Herald's outbox tests, demo and benchmarks: public API + CLI.
// Plain Node ESM, node: builtins only. Types: ./postgres.d.mts. Usage: docs/development.md.
//
// One server per cache folder, on 127.0.0.1:55432 (HERALD_PG_PORT), data wiped on each fresh start.
// HERALD_PG_URL names an existing server instead (like KAFKA_BROKERS for Kafka): then nothing is
// started or stopped. initdb refuses to run as root, so as root the server runs as the `postgres`
// system user (HERALD_PG_USER) that Debian's package creates.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DATA_MARKER = '.herald-postgres-data';
export const DEFAULT_PORT = 55432;
/** Servers by name: `main` for the tests, `fault` for the test that restarts its server. */
export const INSTANCES = { main: 0, fault: 1 };
export const DATABASE = 'herald';
export const ROLE = 'herald';

const defaultLog = (/** @type {string} */ m) => process.stderr.write(`[postgres] ${m}\n`);
/** @param {{ log?: ((m: string) => void) | false }} opts */
const logger = (opts) => (opts.log === false ? () => {} : (opts.log ?? defaultLog));
const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/** The cache folder: HERALD_PG_CACHE, else <repo>/.cache/postgres. */
export function cacheRoot() {
  const root = process.env.HERALD_PG_CACHE
    ? path.resolve(process.env.HERALD_PG_CACHE)
    : path.join(REPO_ROOT, '.cache', 'postgres');
  fs.mkdirSync(root, { recursive: true });
  return root;
}

/** @param {string} instance */
function checkInstance(instance) {
  if (!Object.hasOwn(INSTANCES, instance))
    throw new Error(`unknown instance "${instance}"; use one of: ${Object.keys(INSTANCES).join(', ')}`);
  return instance;
}

/** The instance's port: HERALD_PG_PORT (default 55432) plus the instance's offset. */
export function port(instance = 'main') {
  const p = Number(process.env.HERALD_PG_PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(p) || p <= 0 || p > 65534)
    throw new Error(`HERALD_PG_PORT must be a TCP port, got ${process.env.HERALD_PG_PORT}`);
  return p + INSTANCES[checkInstance(instance)];
}

const home = (instance) => path.join(cacheRoot(), checkInstance(instance));
export function dataDir(instance = 'main') {
  return path.join(home(instance), 'data');
}
function socketDir(instance) {
  return path.join(home(instance), 'socket');
}
function logFile(instance) {
  return path.join(home(instance), 'server.log');
}
export function url(instance = 'main') {
  return `postgres://${ROLE}@127.0.0.1:${port(instance)}/${DATABASE}`;
}

/** Where initdb and pg_ctl live: Debian keeps them off PATH, in /usr/lib/postgresql/<major>/bin. */
export function binDir() {
  if (process.env.HERALD_PG_BINDIR) return process.env.HERALD_PG_BINDIR;
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    if (fs.existsSync(path.join(dir, 'pg_ctl'))) return dir;
  } catch {
    /* no pg_config: look in the Debian folder */
  }
  const base = '/usr/lib/postgresql';
  const majors = fs.existsSync(base)
    ? fs.readdirSync(base).filter((d) => fs.existsSync(path.join(base, d, 'bin', 'pg_ctl')))
    : [];
  majors.sort((a, b) => Number(b) - Number(a));
  if (!majors.length)
    throw new Error(
      'PostgreSQL server binaries not found (install Debian "postgresql", or set HERALD_PG_BINDIR, or HERALD_PG_URL for an existing server)',
    );
  return path.join(base, majors[0], 'bin');
}

/** The system user the server runs as: ourselves, or `postgres` when we are root. */
function serverUser() {
  if (process.getuid?.() !== 0) return null;
  return process.env.HERALD_PG_USER ?? 'postgres';
}

/** Runs a server binary as the server user; throws with its output on failure. @param {string} tool @param {string[]} args */
function runAsServer(tool, args, { allowFailure = false, timeoutMs = 120_000, instance = 'main' } = {}) {
  const bin = path.join(binDir(), tool);
  const user = serverUser();
  const [cmd, argv] = user ? ['runuser', ['-u', user, '--', bin, ...args]] : [bin, args];
  const res = spawnSync(cmd, argv, { encoding: 'utf8', timeout: timeoutMs, cwd: '/' });
  if (res.status !== 0 && !allowFailure) {
    throw new Error(
      `${tool} ${args.join(' ')} failed (${res.status ?? res.signal}):\n${`${res.stderr}\n${res.stdout}`.trim().split('\n').slice(-30).join('\n')}\n${fileTail(logFile(instance), 20)}`,
    );
  }
  return res;
}

function fileTail(file, lines) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** Hands our folders to the server user (it must own the data folder and reach every parent). */
function chownToServer(...dirs) {
  const user = serverUser();
  if (!user) return;
  for (const d of dirs) execFileSync('chown', ['-R', `${user}:`, d]);
}

/** True when something accepts TCP connections on 127.0.0.1:port. @param {number} p */
function portOpen(p) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port: p });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** True when our server answers queries (in `db`, by default the `herald` database). */
function isReady(instance, db = DATABASE) {
  const res = spawnSync('psql', [`postgres://${ROLE}@127.0.0.1:${port(instance)}/${db}`, '-XAtqc', 'select 1'], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  return res.status === 0 && res.stdout.trim() === '1';
}

/** True when the data folder holds a server started by us that pg_ctl says is running. */
function isRunning(instance) {
  if (!fs.existsSync(path.join(dataDir(instance), 'PG_VERSION'))) return false;
  return runAsServer('pg_ctl', ['status', '-D', dataDir(instance)], { allowFailure: true, instance }).status === 0;
}

async function waitReady(instance, db = DATABASE, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!isReady(instance, db)) {
    if (Date.now() > deadline)
      throw new Error(
        `PostgreSQL on 127.0.0.1:${port(instance)} is not ready after ${timeoutMs} ms\n${fileTail(logFile(instance), 30)}`,
      );
    await sleep(200);
  }
}

function writeConfig(instance) {
  // Tests need real transactions, not durability against power loss: fsync off saves the disk.
  const conf = [
    '# written by scripts/postgres: a local server for Herald tests',
    "listen_addresses = '127.0.0.1'",
    `port = ${port(instance)}`,
    `unix_socket_directories = '${socketDir(instance)}'`,
    'max_connections = 200',
    'shared_buffers = 128MB',
    'fsync = off',
    'full_page_writes = off',
    'max_wal_size = 1GB',
    'log_min_messages = warning',
    'log_checkpoints = off',
    '',
  ].join('\n');
  fs.appendFileSync(path.join(dataDir(instance), 'postgresql.conf'), `\n${conf}`);
}

/**
 * Starts a fresh server: wipes its data folder, initdb, start, creates the `herald` database.
 * @param {{ instance?: string, log?: ((m: string) => void) | false }} [opts]
 */
export async function startPostgres(opts = {}) {
  const log = logger(opts);
  const instance = checkInstance(opts.instance ?? 'main');
  const t0 = Date.now();
  const run = (tool, args) => runAsServer(tool, args, { instance });
  if (isRunning(instance))
    throw new Error(
      `a Herald PostgreSQL (${instance}) is already running in ${dataDir(instance)}; stop it first: node scripts/postgres/postgres.mjs stop ${instance}`,
    );
  if (await portOpen(port(instance)))
    throw new Error(
      `port 127.0.0.1:${port(instance)} is in use by another process; free it, set HERALD_PG_PORT, or set HERALD_PG_URL to use that server`,
    );
  const dir = dataDir(instance);
  const marker = path.join(home(instance), DATA_MARKER);
  if (fs.existsSync(dir) && fs.readdirSync(dir).length && !fs.existsSync(marker)) {
    throw new Error(`refusing to wipe ${dir}: it was not created by scripts/postgres (no ${DATA_MARKER})`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(home(instance), { recursive: true, mode: 0o755 });
  fs.mkdirSync(dir, { mode: 0o700 });
  fs.mkdirSync(socketDir(instance), { recursive: true });
  fs.writeFileSync(marker, 'cache of a local Herald PostgreSQL; data wiped on each start\n');
  fs.writeFileSync(logFile(instance), '');
  chownToServer(dir, socketDir(instance), logFile(instance));
  log(`initdb ${dir}`);
  run('initdb', ['-D', dir, '-U', ROLE, '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
  writeConfig(instance);
  chownToServer(dir);
  run('pg_ctl', ['start', '-D', dir, '-l', logFile(instance), '-w', '-t', '60']);
  await waitReady(instance, 'postgres');
  const res = spawnSync(
    'psql',
    [`postgres://${ROLE}@127.0.0.1:${port(instance)}/postgres`, '-XAtqc', `create database ${DATABASE}`],
    { encoding: 'utf8' },
  );
  if (res.status !== 0) throw new Error(`create database failed: ${res.stderr}`);
  log(`PostgreSQL (${instance}) ready on ${url(instance)} in ${Date.now() - t0} ms`);
  return url(instance);
}

/** Stops the server (fast shutdown). No-op when none is running. @param {{ instance?: string, log?: ((m: string) => void) | false }} [opts] */
export function stopPostgres(opts = {}) {
  const instance = checkInstance(opts.instance ?? 'main');
  if (!isRunning(instance)) return false;
  logger(opts)(`stopping PostgreSQL (${instance})`);
  runAsServer('pg_ctl', ['stop', '-D', dataDir(instance), '-m', 'fast', '-w', '-t', '60'], { instance });
  return true;
}

/**
 * Restarts the server, for fault tests. `immediate` is a crash (no checkpoint; recovery at start),
 * `fast` a clean shutdown; either way every session is cut.
 * @param {{ instance?: string, mode?: 'fast'|'immediate', downMs?: number, log?: ((m: string) => void) | false }} [opts]
 */
export async function restartPostgres(opts = {}) {
  const instance = checkInstance(opts.instance ?? 'main');
  if (!isRunning(instance)) throw new Error(`no Herald PostgreSQL (${instance}) is running`);
  logger(opts)(`restarting PostgreSQL (${instance}, ${opts.mode ?? 'fast'})`);
  runAsServer('pg_ctl', ['stop', '-D', dataDir(instance), '-m', opts.mode ?? 'fast', '-w', '-t', '60'], { instance });
  if (opts.downMs) await sleep(opts.downMs);
  runAsServer('pg_ctl', ['start', '-D', dataDir(instance), '-l', logFile(instance), '-w', '-t', '60'], { instance });
  await waitReady(instance);
}

/** Serialises starts of concurrent callers (test projects start in parallel). */
async function withLock(instance, fn) {
  const lock = path.join(cacheRoot(), `${instance}.lock`);
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let owner = NaN;
      try {
        owner = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
      } catch {
        /* being written */
      }
      let alive = true;
      if (Number.isInteger(owner) && owner > 0) {
        try {
          process.kill(owner, 0);
        } catch {
          alive = false;
        }
      }
      if (!alive) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock} (held by pid ${owner})`);
      await sleep(200);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * A ready server: HERALD_PG_URL when set (for the `main` instance), else ours (reused when
 * running, started when not). `stop()` stops it only if this call started it.
 * @param {{ instance?: string, log?: ((m: string) => void) | false }} [opts]
 */
export async function ensurePostgres(opts = {}) {
  const instance = checkInstance(opts.instance ?? 'main');
  const external = instance === 'main' ? process.env.HERALD_PG_URL : undefined;
  if (external) {
    const unsupported = async () => {
      throw new Error('not supported for an external server (HERALD_PG_URL is set)');
    };
    return { url: external, external: true, reused: false, async stop() {}, restart: unsupported };
  }
  return withLock(instance, async () => {
    const log = logger(opts);
    let owned = false;
    if (isRunning(instance) && isReady(instance)) {
      log(`reusing running PostgreSQL (${instance}) on ${url(instance)}`);
    } else {
      if (isRunning(instance)) stopPostgres({ ...opts, instance });
      await startPostgres({ ...opts, instance });
      owned = true;
    }
    return {
      url: url(instance),
      external: false,
      reused: !owned,
      async stop() {
        if (owned) stopPostgres({ ...opts, instance });
      },
      /** @param {{ mode?: 'fast'|'immediate', downMs?: number }} [o] */
      restart: (o = {}) => restartPostgres({ ...opts, ...o, instance }),
    };
  });
}

// ------------------------------------------------------------------------------------------ CLI

const USAGE = `usage: node scripts/postgres/postgres.mjs <command> [main|fault]
  start     start a fresh local server (main: 127.0.0.1:${DEFAULT_PORT}, fault: +1; HERALD_PG_PORT) and wait until ready
  ensure    reuse the running server or start one; print its URL
  stop      stop the local server
  restart   restart it (fast shutdown)
  status    exit 0 when it is running and answers queries
  url       print the connection URL`;

async function main(argv) {
  const [cmd, instance = 'main'] = argv;
  checkInstance(instance);
  switch (cmd) {
    case 'start':
      console.log(await startPostgres({ instance }));
      return 0;
    case 'ensure':
      console.log((await ensurePostgres({ instance })).url);
      return 0;
    case 'stop':
      stopPostgres({ instance });
      return 0;
    case 'restart':
      await restartPostgres({ instance });
      return 0;
    case 'status': {
      const ok = isRunning(instance) && isReady(instance);
      console.log(ok ? `running: ${url(instance)}` : 'not running');
      return ok ? 0 : 1;
    }
    case 'url':
      console.log(url(instance));
      return 0;
    default:
      console.error(USAGE);
      return cmd ? 2 : 0;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error(`postgres: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
