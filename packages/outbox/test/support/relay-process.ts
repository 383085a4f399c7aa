// The relay as a separate process (the built `herald-outbox relay` command), so tests can SIGKILL it.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export interface RelayProcess {
  readonly child: ChildProcess;
  /** Resolves when the process logged that it holds the table lock. */
  readonly active: Promise<void>;
  /** Resolves with the exit code or signal. */
  readonly exited: Promise<number | NodeJS.Signals | null>;
  readonly lines: string[];
}

/** Starts `herald-outbox relay` for `table` with extra CLI flags. */
export function spawnRelay(url: string, brokers: string, table: string, flags: string[] = []): RelayProcess {
  const child = spawn(
    process.execPath,
    [cli, 'relay', '--url', url, '--brokers', brokers, '--table', table, '--log-level', 'info', ...flags],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const lines: string[] = [];
  let onActive!: () => void;
  const active = new Promise<void>((resolve) => (onActive = resolve));
  let rest = '';
  child.stderr.on('data', (chunk: Buffer) => {
    const text = rest + chunk.toString();
    const parts = text.split('\n');
    rest = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      if (line.includes('"outbox relay active"')) onActive();
    }
  });
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  return { child, active, exited, lines };
}
