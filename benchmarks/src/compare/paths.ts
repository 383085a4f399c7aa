import { fileURLToPath } from 'node:url';

// Both src/compare/*.ts (tests) and dist/compare/*.js resolve to the same package folder.
/** The built entry a Node contender's process runs. */
export const CONTENDER_CHILD = fileURLToPath(new URL('../../dist/compare/contender-child.js', import.meta.url));

/** The Python reference-design contender and its requirements. */
export const PYTHON_DIR = fileURLToPath(new URL('../../python/', import.meta.url));

/** The virtualenv the Python contender runs in (git-ignored). */
export const VENV_DIR = fileURLToPath(new URL('../../.venv/', import.meta.url));
