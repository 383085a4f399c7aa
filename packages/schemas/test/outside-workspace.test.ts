// Proof from outside the workspace: a fresh project in a temp directory installs the packed
// @herald/schemas and @herald/publisher tarballs (other dependencies from the registry, through
// the shared pnpm store), declares its own contracts, runs `herald-schemas generate`, compiles
// with plain `tsc` (no compiler plugin), publishes to the real local broker, reads back and
// decodes, and runs `herald-schemas check` (v2 compatible, an incompatible v3 refused).
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokers } from '../../../test-support/brokers.js';

const exec = promisify(execFile);
const repo = resolve(import.meta.dirname, '../../..');
const project = mkdtempSync(join(tmpdir(), 'herald-outside-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function sh(command: string, args: readonly string[], cwd = project): Promise<Run> {
  try {
    const { stdout, stderr } = await exec(command, [...args], {
      cwd,
      env: { ...process.env, CKJS_LINKING: 'dynamic', MAKEFLAGS: '' },
      timeout: 600_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

async function ok(command: string, args: readonly string[], cwd = project): Promise<string> {
  const r = await sh(command, args, cwd);
  if (r.code !== 0)
    throw new Error(`${command} ${args.join(' ')} exited ${r.code}\n${r.stdout}\n${r.stderr}`.slice(0, 4000));
  return r.stdout;
}

const bin = (name: string): string => join(project, 'node_modules/.bin', name);

describe('a project outside the workspace', { timeout: 900_000 }, () => {
  beforeAll(async () => {
    cpSync(resolve(import.meta.dirname, 'fixtures/outside-project'), project, { recursive: true });
    const packs = join(project, 'packs');
    for (const pkg of ['errors', 'headers', 'native', 'schemas', 'publisher'])
      await ok('pnpm', ['pack', '--pack-destination', packs], resolve(repo, 'packages', pkg));
    const version = (pkg: string): string =>
      (JSON.parse(readFileSync(resolve(repo, 'packages', pkg, 'package.json'), 'utf8')) as { version: string }).version;
    const lock = readFileSync(resolve(repo, 'pnpm-lock.yaml'), 'utf8');
    const locked = (name: string): string =>
      new RegExp(`\\n  '?${name.replace('/', '\\/')}@([^:'(]+)'?:`).exec(lock)?.[1] ?? 'latest';
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({
        name: 'acme-accounts',
        private: true,
        type: 'module',
        dependencies: {
          '@herald/schemas': `file:./packs/herald-schemas-${version('schemas')}.tgz`,
          '@herald/publisher': `file:./packs/herald-publisher-${version('publisher')}.tgz`,
          '@confluentinc/kafka-javascript': locked('@confluentinc/kafka-javascript'),
          '@opentelemetry/api': locked('@opentelemetry/api'),
        },
        // What generating needs (the CLI's optional peers) and plain tsc: nothing else.
        devDependencies: {
          typescript: locked('typescript'),
          typia: locked('typia'),
          '@typia/core': locked('@typia/core'),
          '@types/node': locked('@types/node'),
        },
        // The packages' own dependencies on our leaf packages and the native addon, from their tarballs too.
        // pnpm 10 builds only the dependencies it is told to (the native Kafka client from the store's
        // cache; Herald's addon, which falls back to the CKJS transport if it cannot build there).
        pnpm: {
          overrides: Object.fromEntries(
            ['errors', 'headers', 'native'].map((pkg) => [
              `@herald/${pkg}`,
              `file:./packs/herald-${pkg}-${version(pkg)}.tgz`,
            ]),
          ),
          onlyBuiltDependencies: ['@confluentinc/kafka-javascript', '@herald/native'],
        },
      }),
    );
    // The repo's settings for building the native client, and its store: nothing is cached outside the temp dir.
    cpSync(resolve(repo, '.npmrc'), join(project, '.npmrc'));
    const store = (await ok('pnpm', ['store', 'path'], repo)).trim();
    await ok('pnpm', ['install', '--prefer-offline', '--store-dir', store, '--config.node-linker=isolated']);
  }, 900_000);

  it('generates, compiles with plain tsc, publishes, reads back and decodes its own events', async () => {
    const generated = await ok(bin('herald-schemas'), ['generate']);
    expect(generated).toContain('wrote src/generated/customer-signed-up.v2.codec.ts');
    for (const file of ['v1.encoder', 'v1.validators', 'v1.codec']) {
      expect(readFileSync(join(project, `src/generated/customer-signed-up.${file}.ts`), 'utf8')).not.toMatch(
        /from ['"]typia|\/internal\//,
      );
    }
    expect((await sh(bin('herald-schemas'), ['generate', '--check'])).code).toBe(0);
    await ok(bin('tsc'), ['-p', 'tsconfig.json']);
    const out = await ok(process.execPath, ['dist/main.js', brokers().single, `acme-signups-${Date.now()}`]);
    const result = JSON.parse(out.trim().split('\n').pop()!) as {
      decoded: unknown[];
      headers: Array<{ id: string; type: string; dataschema: string }>;
      refused: string;
    };
    expect(result.decoded).toEqual([
      {
        customer_id: 'c-1',
        signed_up_at: '2025-01-15T10:30:00Z',
        email: 'ada@example.com',
        plan: 'pro',
        company: null,
        channel: { kind: 'web', utm_campaign: 'winter' },
      },
      {
        customer_id: 'c-2',
        signed_up_at: '2025-01-16T08:00:00+01:00',
        email: 'grace@example.com',
        plan: 'enterprise',
        referrer: 'c-1',
        company: 'Navy',
        channel: { kind: 'partner', partner_id: 'p-9' },
        locale: 'en-GB',
      },
    ]);
    expect(result.headers).toEqual([
      { id: 'signup-c-1', type: 'com.acme.customer.signed_up.v1', dataschema: 'urn:acme:schema:customer-signed-up:v1' },
      { id: 'signup-c-2', type: 'com.acme.customer.signed_up.v2', dataschema: 'urn:acme:schema:customer-signed-up:v2' },
    ]);
    expect(result.refused).toBe('$input.signed_up_at,$input.plan');
  });

  it('checks evolution: v2 is BACKWARD compatible with v1, an incompatible v3 is refused', async () => {
    // v1 was published before v2 existed.
    cpSync(join(project, 'schemas/customer-signed-up.v1.json'), join(project, 'published/customer-signed-up.v1.json'));
    const v2 = await sh(bin('herald-schemas'), ['check', '--against', 'published']);
    expect(v2.code, v2.stdout + v2.stderr).toBe(0);
    expect(v2.stdout).toContain('compatible (BACKWARD)');

    cpSync(join(project, 'schemas/customer-signed-up.v2.json'), join(project, 'published/customer-signed-up.v2.json'));
    cpSync(join(project, 'customer-signed-up.v3.ts.txt'), join(project, 'src/events/customer-signed-up.v3.ts'));
    const declaration = readFileSync(join(project, 'herald.contracts.ts'), 'utf8').replace(
      '  ],',
      "    { type: 'CustomerSignedUp', source: 'src/events/customer-signed-up.v3.ts', version: 3, id: 'urn:acme:schema:customer-signed-up:v3' },\n  ],",
    );
    writeFileSync(join(project, 'herald.contracts.ts'), declaration);
    const v3 = await sh(bin('herald-schemas'), ['check', '--against', 'published']);
    expect(v3.code).toBe(1);
    expect(v3.stdout).toContain('customer-signed-up v3 vs v2 (BACKWARD): #/properties/plan: ENUM_ARRAY_NARROWED');
    expect(v3.stdout).toContain(
      'customer-signed-up v3 vs v2 (BACKWARD): #/properties/country: REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL',
    );
  });
});
