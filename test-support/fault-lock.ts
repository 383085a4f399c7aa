// One test file at a time may kill, pause or restart the fault broker: vitest runs files in
// parallel workers, so they take this cross-process lock (a directory holding the owner's pid,
// taken over when that process is gone, like the Kafka scripts' own locks).
import fs from 'node:fs';
import path from 'node:path';
import { cacheRoot } from '../scripts/kafka/kafka.mjs';

function ownerAlive(lockPath: string): boolean {
  let owner = NaN;
  try {
    owner = Number(fs.readFileSync(path.join(lockPath, 'pid'), 'utf8'));
  } catch {
    return true; // being written right now
  }
  if (!Number.isInteger(owner) || owner <= 0) return true;
  try {
    process.kill(owner, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits for the fault broker's lock; resolves with the function that releases it. */
export async function lockFaultBroker(timeoutMs = 600_000): Promise<() => void> {
  const lockPath = path.join(cacheRoot(), 'run', 'fault-tests.lock');
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      fs.mkdirSync(lockPath);
      fs.writeFileSync(path.join(lockPath, 'pid'), String(process.pid));
      return () => fs.rmSync(lockPath, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!ownerAlive(lockPath)) {
        fs.rmSync(lockPath, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lockPath}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
