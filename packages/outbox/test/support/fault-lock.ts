// The machine-wide lock every test that kills or restarts a shared broker holds (/tmp/herald-fault.lock).
// flock(1) holds it while its command reads our stdin: closing the pipe (release, or this process
// dying for any reason) ends the command and frees the lock, so it can never outlive the test.
import { spawn } from 'node:child_process';

/** Waits (up to `waitSeconds`) for the fault lock; the returned function releases it. */
export async function acquireFaultLock(waitSeconds = 900, path = '/tmp/herald-fault.lock'): Promise<() => void> {
  const child = spawn('flock', ['-w', String(waitSeconds), path, '-c', 'echo locked; exec cat > /dev/null'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve();
    });
    child.once('exit', (code) =>
      reject(new Error(`flock ${path}: not acquired within ${waitSeconds} s (exit ${String(code)})`)),
    );
  });
  return () => {
    child.stdin.end();
  };
}
