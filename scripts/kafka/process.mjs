// Process helpers: detached broker JVMs, pid checks via /proc, signals, short-lived tool JVMs, ports.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Process state from /proc: null if gone (or a zombie), else { state, cmdline }.
 * @param {number|null|undefined} pid
 * @returns {{ state: string, cmdline: string } | null}
 */
export function procInfo(pid) {
  if (!pid) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') return null;
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    return { state, cmdline };
  } catch {
    return null;
  }
}

/**
 * True if pid is alive and is our broker: a `kafka.Kafka` JVM whose command line names our data dir.
 * @param {number|null|undefined} pid
 * @param {string} dataDir
 */
export function isOurBroker(pid, dataDir) {
  const info = procInfo(pid);
  return (
    !!info &&
    info.cmdline.includes('kafka.Kafka') &&
    info.cmdline.includes(`${path.join(dataDir, 'config')}${path.sep}`)
  );
}

/** True if the process is stopped (SIGSTOP). @param {number} pid */
export function isPaused(pid) {
  const s = procInfo(pid)?.state;
  return s === 'T' || s === 't';
}

/** @param {number} pid @param {NodeJS.Signals} signal */
export function signal(pid, signal) {
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * Waits until all pids are gone; returns the ones still alive after timeoutMs.
 * @param {number[]} pids @param {number} timeoutMs
 */
export async function waitGone(pids, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let left = pids.filter((p) => procInfo(p));
  while (left.length && Date.now() < deadline) {
    await sleep(100);
    left = left.filter((p) => procInfo(p));
  }
  return left;
}

/**
 * SIGTERM (after SIGCONT, in case the node is paused), wait up to graceMs, then SIGKILL.
 * @param {number[]} pids @param {number} [graceMs]
 * @returns {Promise<{ terminated: number[], killed: number[] }>}
 */
export async function terminate(pids, graceMs = 30_000) {
  const live = pids.filter((p) => procInfo(p));
  for (const p of live) {
    signal(p, 'SIGCONT');
    signal(p, 'SIGTERM');
  }
  const stubborn = await waitGone(live, graceMs);
  for (const p of stubborn) signal(p, 'SIGKILL');
  const still = await waitGone(stubborn, 10_000);
  if (still.length) throw new Error(`pids ${still.join(', ')} survived SIGKILL`);
  return { terminated: live.filter((p) => !stubborn.includes(p)), killed: stubborn };
}

/**
 * Starts a detached process (survives our exit) with stdout+stderr appended to logFile.
 * @param {string} cmd @param {string[]} args @param {{ cwd: string, logFile: string }} opts
 */
export function spawnDetached(cmd, args, { cwd, logFile }) {
  const fd = fs.openSync(logFile, 'a');
  try {
    const child = spawn(cmd, args, { cwd, detached: true, stdio: ['ignore', fd, fd] });
    child.on('error', () => {}); // reported through the exit / readiness checks
    child.unref();
    return child;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Runs a short-lived command, capturing output.
 * @param {string} cmd @param {string[]} args
 * @param {{ timeoutMs?: number, input?: string, cwd?: string, env?: NodeJS.ProcessEnv }} [opts]
 * @returns {Promise<{ code: number|null, stdout: string, stderr: string }>}
 */
export function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = opts.timeoutMs
      ? setTimeout(() => {
          stderr += `\n[killed after ${opts.timeoutMs} ms]`;
          child.kill('SIGKILL');
        }, opts.timeoutMs)
      : null;
    child.on('error', (e) => {
      if (timer) clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.on('error', () => {});
    child.stdin.end(opts.input ?? '');
  });
}

/**
 * Resolves true if 127.0.0.1:port can be bound right now.
 * @param {number} port
 */
export function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ port, host: '127.0.0.1', exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

/** Last n lines of a file ('' if missing). @param {string} file @param {number} [n] */
export function fileTail(file, n = 60) {
  try {
    const size = fs.statSync(file).size;
    const len = Math.min(size, 256 * 1024);
    const buf = Buffer.alloc(len);
    const fd = fs.openSync(file, 'r');
    try {
      fs.readSync(fd, buf, 0, len, size - len);
    } finally {
      fs.closeSync(fd);
    }
    return buf.toString('utf8').trimEnd().split('\n').slice(-n).join('\n');
  } catch {
    return '';
  }
}
