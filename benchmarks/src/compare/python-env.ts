import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runChild } from './child-process.js';
import { PYTHON_DIR, VENV_DIR } from './paths.js';

/** The venv's interpreter, or why there is none. */
export type PythonEnv =
  { readonly ok: true; readonly python: string } | { readonly ok: false; readonly reason: string };

const probe = 'import confluent_kafka, msgspec; print(confluent_kafka.version()[0], msgspec.__version__)';

/**
 * The bench's setup step for the Python contender: creates `benchmarks/.venv` and installs
 * `python/requirements.txt` from PyPI unless both packages already import there.
 */
export async function ensurePythonEnv(log: (line: string) => void): Promise<PythonEnv> {
  const python = join(VENV_DIR, 'bin', 'python');
  if (existsSync(python) && (await runChild(python, ['-c', probe], 30_000)).code === 0) return { ok: true, python };
  log(`setting up ${VENV_DIR} (confluent-kafka, msgspec from PyPI)…`);
  const system = process.env['PYTHON'] ?? 'python3';
  const venv = await runChild(system, ['-m', 'venv', VENV_DIR], 120_000);
  if (venv.code !== 0)
    return { ok: false, reason: `${system} -m venv failed: ${venv.stderr.trim().split('\n').at(-1) ?? ''}` };
  const pip = await runChild(
    python,
    ['-m', 'pip', 'install', '--quiet', '-r', join(PYTHON_DIR, 'requirements.txt')],
    600_000,
  );
  if (pip.code !== 0) return { ok: false, reason: `pip install failed: ${pip.stderr.trim().split('\n').at(-1) ?? ''}` };
  const check = await runChild(python, ['-c', probe], 30_000);
  return check.code === 0
    ? { ok: true, python }
    : { ok: false, reason: `installed but cannot import: ${check.stderr.trim().split('\n').at(-1) ?? ''}` };
}
