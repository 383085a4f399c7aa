import { spawn } from 'node:child_process';
import type { ContenderOutcome } from './contender.js';

/** What a child printed and how it ended. */
export interface ChildResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

/** Runs `command args` to completion (SIGKILL after `timeoutMs`), capturing its output. */
export function runChild(
  command: string,
  args: readonly string[],
  timeoutMs: number,
  env?: NodeJS.ProcessEnv,
): Promise<ChildResult> {
  return new Promise((resolve) => {
    const child = spawn(command, [...args], { stdio: ['ignore', 'pipe', 'pipe'], env: env ?? process.env });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-20_000)));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, stdout, stderr: `${stderr}\n${error.message}`, timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

/** The outcome a contender printed as its last JSON line, or a failure that says why there is none. */
export function outcomeFromChild(result: ChildResult): ContenderOutcome {
  const lines = result.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('{'));
  const last = lines.at(-1);
  if (last !== undefined) {
    try {
      const parsed = JSON.parse(last) as ContenderOutcome;
      if (parsed.status === 'ok' || parsed.status === 'unavailable' || parsed.status === 'failed') return parsed;
    } catch {
      // fall through: report the process failure below
    }
  }
  const tail = result.stderr.trim().split('\n').slice(-3).join(' | ');
  const why = result.timedOut ? 'timed out' : `exited with ${String(result.code)}`;
  return { status: 'failed', reason: `${why} without a result${tail === '' ? '' : `: ${tail}`}` };
}
