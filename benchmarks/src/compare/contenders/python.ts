// (h) The Python reference design (confluent-kafka + msgspec) in benchmarks/.venv.
import { join } from 'node:path';
import { outcomeFromChild, runChild } from '../child-process.js';
import type { ContenderOutcome } from '../contender.js';
import { PYTHON_DIR } from '../paths.js';
import type { PythonEnv } from '../python-env.js';

/** Runs `python/reference-producer.py` in the venv on `workloadFile`. */
export async function runPython(env: PythonEnv, workloadFile: string, timeoutMs: number): Promise<ContenderOutcome> {
  if (!env.ok) return { status: 'unavailable', reason: env.reason };
  return outcomeFromChild(
    await runChild(env.python, [join(PYTHON_DIR, 'reference-producer.py'), workloadFile], timeoutMs),
  );
}
