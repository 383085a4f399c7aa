// Reads a `herald.contracts.ts` declaration: TypeScript compiled away in memory (it must be plain
// data), then every field checked, so a mistake is one line naming the file and the field.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import ts from 'typescript';
import type { ContractDeclaration, ContractsDeclaration } from './contracts-declaration.js';
import { UsageError } from './usage-error.js';

/** One contract with every default applied and every path absolute. */
export interface ResolvedContract {
  readonly type: string;
  readonly source: string;
  readonly version: number;
  readonly id: string;
  readonly file: string;
  readonly exportName: string;
  readonly openContent: boolean;
}

/** A declaration file with every default applied and every path absolute. */
export interface ResolvedDeclaration {
  readonly path: string;
  readonly tsconfig: string;
  readonly outDir: string;
  readonly schemaDir: string;
  readonly runtime: string;
  readonly contracts: readonly ResolvedContract[];
}

/** `CustomerRegistered` → `customer-registered`. */
export function kebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

async function evaluate(path: string): Promise<unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`${path}: cannot read the contracts declaration (pass --config <file>)`);
  }
  const js = ts.transpileModule(text, {
    fileName: path,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
  }).outputText;
  if (/^\s*import\s/m.test(js) || /\bimport\(/.test(js) || /\brequire\(/.test(js)) {
    throw new UsageError(`${path}: a contracts declaration is plain data; only \`import type\` lines are allowed`);
  }
  try {
    const module = (await import(`data:text/javascript;base64,${Buffer.from(js).toString('base64')}`)) as {
      default?: unknown;
    };
    return module.default;
  } catch (error) {
    throw new UsageError(
      `${path}: cannot evaluate the declaration: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function text(where: string, value: unknown, field: string, optional: boolean): string | undefined {
  if (value === undefined && optional) return undefined;
  if (typeof value !== 'string' || value === '')
    throw new UsageError(`${where}: \`${field}\` must be a non-empty string`);
  return value;
}

function contract(path: string, index: number, raw: unknown, base: string): ResolvedContract {
  const where = `${path}: contracts[${index}]`;
  if (typeof raw !== 'object' || raw === null) throw new UsageError(`${where} must be an object`);
  const c = raw as Partial<Record<keyof ContractDeclaration, unknown>>;
  const known = new Set(['type', 'source', 'version', 'id', 'file', 'exportName', 'openContent']);
  const unknown = Object.keys(c).filter((k) => !known.has(k));
  if (unknown.length > 0) throw new UsageError(`${where}: unknown field \`${unknown[0]}\``);
  const type = text(where, c.type, 'type', false)!;
  if (!/^[A-Za-z_$][\w$]*$/.test(type))
    throw new UsageError(`${where}: \`type\` must be a type name, got ${JSON.stringify(type)}`);
  const version = c.version;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    throw new UsageError(`${where} (${type}): \`version\` must be a positive integer`);
  }
  if (c.openContent !== undefined && typeof c.openContent !== 'boolean')
    throw new UsageError(`${where} (${type}): \`openContent\` must be a boolean`);
  const exportName = text(where, c.exportName, 'exportName', true) ?? `${type}V${version}`;
  if (!/^[A-Za-z_$][\w$]*$/.test(exportName))
    throw new UsageError(`${where} (${type}): \`exportName\` must be an identifier`);
  return {
    type,
    source: resolve(base, text(where, c.source, 'source', false)!),
    version,
    id: text(where, c.id, 'id', false)!,
    file: text(where, c.file, 'file', true) ?? `${kebabCase(type)}.v${version}`,
    exportName: exportName.charAt(0).toUpperCase() + exportName.slice(1),
    openContent: c.openContent ?? false,
  };
}

/** Loads and checks the declaration at `path`. */
export async function loadDeclaration(path: string): Promise<ResolvedDeclaration> {
  const raw = await evaluate(path);
  if (typeof raw !== 'object' || raw === null)
    throw new UsageError(`${path}: must \`export default\` a ContractsDeclaration object`);
  const d = raw as Partial<Record<keyof ContractsDeclaration, unknown>>;
  const known = new Set(['tsconfig', 'outDir', 'schemaDir', 'runtime', 'contracts']);
  const unknown = Object.keys(d).filter((k) => !known.has(k));
  if (unknown.length > 0) throw new UsageError(`${path}: unknown field \`${unknown[0]}\``);
  const base = dirname(path);
  const outDir = resolve(base, text(path, d.outDir, 'outDir', false)!);
  if (!Array.isArray(d.contracts) || d.contracts.length === 0)
    throw new UsageError(`${path}: \`contracts\` must be a non-empty array`);
  const contracts = (d.contracts as unknown[]).map((c, i) => contract(path, i, c, base));
  const seen = new Set<string>();
  for (const c of contracts) {
    if (seen.has(c.file)) throw new UsageError(`${path}: two contracts write \`${c.file}\`; give one a \`file\``);
    seen.add(c.file);
  }
  return {
    path,
    tsconfig: resolve(base, text(path, d.tsconfig, 'tsconfig', true) ?? 'tsconfig.json'),
    outDir,
    schemaDir: resolve(base, text(path, d.schemaDir, 'schemaDir', true) ?? outDir),
    runtime: text(path, d.runtime, 'runtime', true) ?? '@herald/schemas/runtime',
    contracts,
  };
}
