// Kafka jars from Maven Central (via `mvn dependency:copy-dependencies`), cached once per version.
// Only node: builtins, so this runs before/without node_modules.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SCRIPT_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(SCRIPT_DIR, '..', '..');
export const POM_FILE = path.join(SCRIPT_DIR, 'pom.xml');
export const BROKER_LOG4J = path.join(SCRIPT_DIR, 'config', 'log4j2.properties');
export const TOOLS_LOG4J = path.join(SCRIPT_DIR, 'config', 'tools-log4j2.properties');

/** Kafka version: env HERALD_KAFKA_VERSION, else <kafka.version> in pom.xml. */
export function kafkaVersion() {
  if (process.env.HERALD_KAFKA_VERSION) return process.env.HERALD_KAFKA_VERSION;
  const m = fs.readFileSync(POM_FILE, 'utf8').match(/<kafka\.version>([^<]+)<\/kafka\.version>/);
  if (!m?.[1]) throw new Error(`no <kafka.version> in ${POM_FILE}`);
  return m[1].trim();
}

/** Cache root: env HERALD_KAFKA_CACHE, else <repo>/.cache/kafka. */
export function cacheRoot() {
  const root = process.env.HERALD_KAFKA_CACHE
    ? path.resolve(process.env.HERALD_KAFKA_CACHE)
    : path.join(REPO_ROOT, '.cache', 'kafka');
  fs.mkdirSync(root, { recursive: true });
  const ignore = path.join(root, '.gitignore');
  if (!fs.existsSync(ignore)) fs.writeFileSync(ignore, '# created by scripts/kafka: nothing here is committed\n*\n');
  return root;
}

/** @param {string} [version] */
export function libsDir(version = kafkaVersion()) {
  return path.join(cacheRoot(), version, 'libs');
}

/** @param {string} version */
function markerFile(version) {
  return path.join(cacheRoot(), version, 'libs.ok.json');
}

/** `java` to run: $JAVA_HOME/bin/java if set, else `java` on PATH. */
export function javaBin() {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

/** Throws a clear error unless Java >= 17 is available. Returns the major version. */
export function checkJava() {
  const r = spawnSync(javaBin(), ['-version'], { encoding: 'utf8' });
  if (r.error) {
    throw new Error(
      `Java not found (${javaBin()}: ${/** @type {NodeJS.ErrnoException} */ (r.error).code}). Kafka 4.x needs Java 17+: install e.g. openjdk-17-jre-headless or set JAVA_HOME.`,
    );
  }
  const out = `${r.stderr}${r.stdout}`;
  const m = out.match(/version "(\d+)(?:\.(\d+))?[^"]*"/);
  if (!m) throw new Error(`cannot parse \`java -version\` output: ${out.trim().split('\n')[0]}`);
  const major = m[1] === '1' ? Number(m[2]) : Number(m[1]);
  if (major < 17) {
    throw new Error(
      `Java ${major} found (${javaBin()}), but the Kafka 4.x broker needs Java 17 or newer. Install Java 17+ or point JAVA_HOME at it.`,
    );
  }
  return major;
}

/** Main classes, each with fallbacks for classes that moved between Kafka versions (probed in the jars). */
/** @type {Record<string, string[]>} */
const CLASS_CANDIDATES = {
  Kafka: ['kafka.Kafka'],
  StorageTool: [
    'kafka.tools.StorageTool',
    'org.apache.kafka.tools.StorageTool',
    'org.apache.kafka.storage.StorageTool',
  ],
  TopicCommand: ['org.apache.kafka.tools.TopicCommand', 'kafka.admin.TopicCommand'],
  AclCommand: ['org.apache.kafka.tools.AclCommand', 'kafka.admin.AclCommand'],
  ConfigCommand: ['org.apache.kafka.tools.ConfigCommand', 'kafka.admin.ConfigCommand'],
  BrokerApiVersionsCommand: ['org.apache.kafka.tools.BrokerApiVersionsCommand', 'kafka.admin.BrokerApiVersionsCommand'],
  MetadataQuorumCommand: ['org.apache.kafka.tools.MetadataQuorumCommand'],
  ProducerPerformance: ['org.apache.kafka.tools.ProducerPerformance'],
  ConsumerPerformance: ['org.apache.kafka.tools.ConsumerPerformance'],
  ConsoleProducer: ['org.apache.kafka.tools.ConsoleProducer', 'kafka.tools.ConsoleProducer'],
  ConsoleConsumer: ['org.apache.kafka.tools.consumer.ConsoleConsumer', 'kafka.tools.ConsoleConsumer'],
  ConsumerGroupCommand: [
    'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand',
    'kafka.admin.ConsumerGroupCommand',
  ],
};

/** Finds which candidate class names exist by looking for `a/b/C.class` entry names in the jars. @param {string} dir */
function probeClasses(dir) {
  const jars = fs.readdirSync(dir).filter((f) => f.endsWith('.jar') && /kafka|connect/.test(f));
  const bufs = jars.map((j) => fs.readFileSync(path.join(dir, j)));
  /** @type {Record<string, string>} */
  const found = {};
  for (const [alias, names] of Object.entries(CLASS_CANDIDATES)) {
    const hit = names.find((n) => {
      const entry = Buffer.from(`${n.replaceAll('.', '/')}.class`);
      return bufs.some((b) => b.includes(entry));
    });
    if (hit) found[alias] = hit;
  }
  return found;
}

const MAVEN_NETWORK =
  /Could not transfer|Unknown ?Host|Connection refused|Connect(ion)? timed out|Network is unreachable|No route to host|PKIX path|Temporary failure in name resolution|Could not resolve host|transfer failed|Remote host terminated/i;

/** @param {string} text @param {number} [n] */
function tail(text, n = 40) {
  return text.trimEnd().split('\n').slice(-n).join('\n');
}

/**
 * Serialises work across processes with a lock directory (stale locks of dead pids are taken over).
 * @template T
 * @param {string} lockPath
 * @param {() => Promise<T>} fn
 * @param {number} [timeoutMs]
 * @returns {Promise<T>}
 */
export async function withLock(lockPath, fn, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lockPath);
      fs.writeFileSync(path.join(lockPath, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (/** @type {NodeJS.ErrnoException} */ (e).code !== 'EEXIST') throw e;
      let owner = NaN;
      try {
        owner = Number(fs.readFileSync(path.join(lockPath, 'pid'), 'utf8'));
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
        fs.rmSync(lockPath, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for lock ${lockPath} (held by pid ${owner})`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockPath, { recursive: true, force: true });
  }
}

/**
 * @typedef {{ version: string, libsDir: string, cached: boolean, seconds: number, jars: number, bytes: number, classes: Record<string,string> & { Kafka: string, StorageTool: string } }} JarsInfo
 */

/**
 * Downloads the broker + tools jars into <cache>/<version>/libs once (marker file written after success).
 * @param {{ log?: (msg: string) => void }} [opts]
 * @returns {Promise<JarsInfo>}
 */
export async function fetchJars(opts = {}) {
  const log = opts.log ?? ((m) => process.stderr.write(`[kafka] ${m}\n`));
  const version = kafkaVersion();
  const marker = markerFile(version);
  const cachedInfo = readMarker(marker);
  if (cachedInfo) return { ...cachedInfo, cached: true };
  checkJava();
  return withLock(path.join(cacheRoot(), version, '.fetch.lock'), async () => {
    const again = readMarker(marker);
    if (again) return { ...again, cached: true };
    const dir = libsDir(version);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    log(`fetching Kafka ${version} jars with Maven into ${dir} ...`);
    const t0 = Date.now();
    // Fully qualified goal (no plugin-prefix lookup); -U re-tries resolutions that failed earlier (e.g. offline).
    const args = [
      '-q',
      '-B',
      '-U',
      '-f',
      POM_FILE,
      'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies',
      `-DoutputDirectory=${dir}`,
      '-DincludeScope=runtime',
      `-Dkafka.version=${version}`,
    ];
    const { code, output, error } = await new Promise((resolve) => {
      let buf = '';
      const child = spawn('mvn', args, { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.on('data', (d) => {
        buf += d;
      });
      child.stderr.on('data', (d) => {
        buf += d;
      });
      child.on('error', (err) => resolve({ code: -1, output: buf, error: err }));
      child.on('close', (c) => resolve({ code: c, output: buf, error: null }));
    });
    if (error) {
      throw new Error(
        `Maven (mvn) not found on PATH (${/** @type {NodeJS.ErrnoException} */ (error).code}); install Maven 3.8+ (apt-get install maven) to fetch the Kafka jars.`,
      );
    }
    // Strip ANSI colour codes Maven prints even in batch mode.
    // eslint-disable-next-line no-control-regex -- ESC is exactly what is being stripped
    const clean = String(output).replace(/\x1b\[[0-9;]*m/g, '');
    if (code !== 0) {
      const why = MAVEN_NETWORK.test(clean)
        ? 'Maven cannot reach its registry (Maven Central or the mirror in ~/.m2/settings.xml)'
        : /Could not find artifact org\.apache\.kafka/.test(clean)
          ? `Kafka ${version} is not in the Maven registry (check <kafka.version> in ${POM_FILE} / HERALD_KAFKA_VERSION)`
          : `mvn exited with code ${code}`;
      throw new Error(`fetching Kafka ${version} jars failed: ${why}. Last mvn output:\n${tail(clean)}`);
    }
    const jars = fs.readdirSync(dir).filter((f) => f.endsWith('.jar'));
    const bytes = jars.reduce((s, f) => s + fs.statSync(path.join(dir, f)).size, 0);
    const classes = probeClasses(dir);
    for (const need of ['Kafka', 'StorageTool']) {
      if (!classes[need])
        throw new Error(
          `Kafka ${version} jars fetched, but no ${need} class found (tried ${CLASS_CANDIDATES[need]?.join(', ')})`,
        );
    }
    // Both classes were checked just above.
    const info = {
      version,
      libsDir: dir,
      seconds: (Date.now() - t0) / 1000,
      jars: jars.length,
      bytes,
      classes: /** @type {JarsInfo['classes']} */ (classes),
      fetchedAt: new Date().toISOString(),
    };
    fs.writeFileSync(marker, `${JSON.stringify(info, null, 2)}\n`);
    log(`fetched ${jars.length} jars (${(bytes / 1048576).toFixed(1)} MiB) in ${info.seconds.toFixed(1)} s`);
    return { ...info, cached: false };
  });
}

/** @param {string} marker @returns {JarsInfo | null} */
function readMarker(marker) {
  try {
    const info = /** @type {JarsInfo} */ (JSON.parse(fs.readFileSync(marker, 'utf8')));
    if (fs.existsSync(info.libsDir)) return info;
  } catch {
    /* not fetched yet */
  }
  return null;
}

/**
 * Resolves a tool alias (e.g. 'TopicCommand') or a full class name to the class present in the jars.
 * @param {string} nameOrAlias
 * @param {Record<string,string>} classes
 */
export function resolveClass(nameOrAlias, classes) {
  if (classes[nameOrAlias]) return classes[nameOrAlias];
  if (nameOrAlias.includes('.')) return nameOrAlias;
  throw new Error(
    `unknown Kafka tool "${nameOrAlias}"; use a full class name or one of: ${Object.keys(classes).join(', ')}`,
  );
}
