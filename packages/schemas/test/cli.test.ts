// `herald-schemas` end to end, in-process: help, bad input (one line, exit 2), generate and
// generate --check (exit 1 naming the stale file), check against a folder and a git ref.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';

const cacheDir = resolve(import.meta.dirname, '../.cache');
mkdirSync(cacheDir, { recursive: true });
// Inside the package, so the temp project resolves typescript and typia like a team's repo would.
const dir = mkdtempSync(join(cacheDir, 'cli-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { cwd: dir, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

function write(name: string, text: string): void {
  mkdirSync(resolve(dir, name, '..'), { recursive: true });
  writeFileSync(resolve(dir, name), text);
}

write(
  'tsconfig.json',
  JSON.stringify({
    compilerOptions: {
      strict: true,
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      target: 'ES2022',
      skipLibCheck: true,
      noEmit: true,
    },
    include: ['src'],
  }),
);
const V1 = `export interface CustomerRegistered {\n  readonly id: string;\n  readonly email: string;\n  readonly tier: 'free' | 'pro';\n}\n`;
const V2 = `export interface CustomerRegistered {\n  readonly id: string;\n  readonly email: string;\n  readonly tier: 'free' | 'pro' | 'team';\n  readonly referrer?: string | null;\n}\n`;
const V3 = `export interface CustomerRegistered {\n  readonly id: string;\n  readonly tier: 'free' | 'pro' | 'team';\n  readonly referrer?: string | null;\n  readonly region: string;\n}\n`;
const declaration = (versions: number[]): string => `import type { ContractsDeclaration } from '@herald/schemas';
export default {
  outDir: 'src/generated',
  schemaDir: 'schemas',
  contracts: [
${versions.map((v) => `    { type: 'CustomerRegistered', source: 'src/customer-registered.v${v}.ts', version: ${v}, id: 'urn:test:customer-registered:v${v}' },`).join('\n')}
  ],
} satisfies ContractsDeclaration;
`;

describe('herald-schemas', { timeout: 300_000 }, () => {
  it('prints help for the tool and for every command', async () => {
    expect((await cli('--help')).out.join('\n')).toMatch(/Usage: herald-schemas <command>/);
    for (const command of ['generate', 'check']) {
      const { code, out } = await cli(command, '--help');
      expect(code).toBe(0);
      expect(out.join('\n')).toContain(`Usage: herald-schemas ${command}`);
    }
  });

  it('answers bad input with one line and exit 2', async () => {
    for (const argv of [
      ['generate', '--frobnicate'],
      ['lint'],
      ['check'],
      ['check', '--against', 'x', '--mode', 'SIDEWAYS'],
    ]) {
      const { code, err } = await cli(...argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(err, argv.join(' ')).toHaveLength(1);
    }
    expect((await cli('generate')).err[0]).toMatch(/herald\.contracts\.ts: cannot read the contracts declaration/);
  });

  it('names the file, the type and the property path of what it cannot generate', async () => {
    write('src/customer-registered.v1.ts', V1);
    write('bad.contracts.ts', declaration([1]).replace("type: 'CustomerRegistered'", "type: 'CustomerRegisterd'"));
    const missing = await cli('generate', '--config', 'bad.contracts.ts');
    expect(missing.code).toBe(2);
    expect(missing.err).toEqual([
      expect.stringMatching(/src\/customer-registered\.v1\.ts: does not export a type named CustomerRegisterd/),
    ]);
    write(
      'src/broken.ts',
      'export interface Broken {\n  readonly id: string;\n  readonly nested: { readonly amount: bigint };\n}\n',
    );
    write(
      'broken.contracts.ts',
      declaration([1]).replace(
        "type: 'CustomerRegistered', source: 'src/customer-registered.v1.ts'",
        "type: 'Broken', source: 'src/broken.ts'",
      ),
    );
    const shape = await cli('generate', '--config', 'broken.contracts.ts');
    expect(shape.code).toBe(2);
    expect(shape.err).toEqual([
      expect.stringMatching(/src\/broken\.ts: Broken\.nested\.amount: bigint is not supported/),
    ]);
  });

  it('generates, then --check passes until the type changes and names the stale file', async () => {
    write('src/customer-registered.v1.ts', V1);
    write('herald.contracts.ts', declaration([1]));
    const generated = await cli('generate');
    expect(generated.code).toBe(0);
    expect(generated.out).toEqual([
      'wrote src/generated/customer-registered.v1.encoder.ts',
      'wrote src/generated/customer-registered.v1.validators.ts',
      'wrote src/generated/customer-registered.v1.codec.ts',
      'wrote schemas/customer-registered.v1.json',
    ]);
    for (const name of ['encoder', 'validators', 'codec']) {
      expect(readFileSync(resolve(dir, `src/generated/customer-registered.v1.${name}.ts`), 'utf8')).toMatch(
        /from '@herald\/schemas\/runtime'/,
      );
    }
    expect((await cli('generate', '--check')).code).toBe(0);
    write('src/customer-registered.v1.ts', V1.replace("'free' | 'pro'", "'free' | 'pro' | 'vip'"));
    const stale = await cli('generate', '--check');
    expect(stale.code).toBe(1);
    expect(stale.err).toContain(
      'src/generated/customer-registered.v1.encoder.ts is out of date: run `herald-schemas generate`',
    );
    expect(stale.err).toContain('schemas/customer-registered.v1.json is out of date: run `herald-schemas generate`');
    write('src/customer-registered.v1.ts', V1);
  });

  it('check: a compatible v2 passes BACKWARD, an incompatible v3 fails with every change and its path', async () => {
    write('src/customer-registered.v1.ts', V1);
    write('herald.contracts.ts', declaration([1]));
    expect((await cli('generate')).code).toBe(0);
    const published = resolve(dir, 'published');
    mkdirSync(published, { recursive: true });
    writeFileSync(
      resolve(published, 'customer-registered.v1.json'),
      readFileSync(resolve(dir, 'schemas/customer-registered.v1.json')),
    );

    write('src/customer-registered.v2.ts', V2);
    write('herald.contracts.ts', declaration([1, 2]));
    const v2 = await cli('check', '--against', 'published');
    expect(v2.code, v2.out.join('\n')).toBe(0);
    expect(v2.out).toEqual(['compatible (BACKWARD): 1 schema pair checked']);
    // Under FORWARD, v1 readers cannot read v2's new enum value.
    const forward = await cli('check', '--against', 'published', '--mode', 'FORWARD');
    expect(forward.code).toBe(1);
    expect(forward.out.join('\n')).toMatch(/#\/properties\/tier: ENUM_ARRAY_NARROWED/);

    expect((await cli('generate')).code).toBe(0);
    writeFileSync(
      resolve(published, 'customer-registered.v2.json'),
      readFileSync(resolve(dir, 'schemas/customer-registered.v2.json')),
    );
    write('src/customer-registered.v3.ts', V3);
    write('herald.contracts.ts', declaration([1, 2, 3]));
    const v3 = await cli('check', '--against', 'published');
    expect(v3.code).toBe(1);
    expect(v3.out).toEqual([
      'schemas/customer-registered.v3.json: customer-registered v3 vs v2 (BACKWARD): #/properties/email: PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL',
      'schemas/customer-registered.v3.json: customer-registered v3 vs v2 (BACKWARD): #/properties/region: REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL',
    ]);
    expect(v3.err).toEqual(['2 incompatible changes (BACKWARD)']);
  });

  it('check --against a git ref reads the schemas committed there', async () => {
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
    write('src/customer-registered.v1.ts', V1);
    write('herald.contracts.ts', declaration([1]));
    expect((await cli('generate')).code).toBe(0);
    git('init', '-q');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', 'schemas');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'v1');
    write('src/customer-registered.v1.ts', V1.replace("'free' | 'pro'", "'free'"));
    const edited = await cli('check', '--against', 'HEAD');
    expect(edited.code).toBe(1);
    expect(edited.out).toEqual([
      'schemas/customer-registered.v1.json: customer-registered v1 changed since it was published (BACKWARD): #/properties/tier: ENUM_ARRAY_NARROWED',
    ]);
    expect((await cli('check', '--against', 'no-such-ref')).code).toBe(2);
  });
});
