// Every entry point of every workspace package loads from dist the way an application loads it:
// with `import` and with `require()` (Node's require(esm)), resolved through the package's own
// `exports` map, each with its types. Each load runs in a plain Node process (not vitest's module
// loader), from the package's folder so the package resolves itself by name.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
/** Every published workspace package: packages/* and the local-Kafka scripts. */
const packageDirs = [
  ...readdirSync(join(root, 'packages')).map((name) => join(root, 'packages', name)),
  join(root, 'scripts', 'kafka'),
];

type Conditions = Readonly<Record<string, string>>;

interface Manifest {
  readonly name: string;
  readonly exports?: Readonly<Record<string, string | Conditions>>;
}

interface EntryPoint {
  readonly dir: string;
  readonly specifier: string;
  readonly conditions: Conditions;
}

function entryPoints(): EntryPoint[] {
  const found: EntryPoint[] = [];
  for (const dir of packageDirs) {
    if (!existsSync(join(dir, 'package.json'))) continue;
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      if (subpath.endsWith('.json') || subpath.includes('*')) continue;
      const specifier = subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`;
      found.push({ dir, specifier, conditions: typeof target === 'string' ? { default: target } : target });
    }
  }
  return found;
}

// Loads `specifier` both ways in a fresh Node and reports what each way exported.
const probe = `
const specifier = process.argv[1];
const required = require(specifier);
import(specifier).then((imported) => {
  const names = Object.keys(imported).filter((k) => k !== 'module.exports').sort();
  const same = names.every((k) => imported[k] === required[k]);
  process.stdout.write(JSON.stringify({ names, requiredNames: Object.keys(required).filter((k) => k !== 'module.exports').sort(), same }));
});
`;

interface ProbeResult {
  readonly names: string[];
  readonly requiredNames: string[];
  readonly same: boolean;
}

const points = entryPoints();

describe('package entry points', () => {
  it('finds the packages and their entry points', () => {
    expect(points.map((p) => p.specifier)).toEqual(
      expect.arrayContaining(['@herald/schemas', '@herald/translators', '@herald/publisher', '@herald/local-kafka']),
    );
  });

  describe.each(points)('$specifier', ({ dir, specifier, conditions }) => {
    it('declares types first and a default condition, both files built', () => {
      const keys = Object.keys(conditions);
      expect(keys[0]).toBe('types');
      expect(keys).toContain('default');
      expect(existsSync(join(dir, conditions['types']!))).toBe(true);
      expect(existsSync(join(dir, conditions['default']!))).toBe(true);
    });

    it('loads with require() and with import, to the same module', () => {
      const out = execFileSync(process.execPath, ['-e', probe, specifier], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 60_000,
      });
      const result = JSON.parse(out) as ProbeResult;
      expect(result.names.length).toBeGreaterThan(0);
      expect(result.requiredNames).toEqual(result.names);
      expect(result.same).toBe(true);
    });
  });
});
