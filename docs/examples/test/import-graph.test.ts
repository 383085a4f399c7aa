// No source module of the workspace takes part in an import cycle at run time (static or dynamic
// `import`, type-only imports aside): herald-bench once had tune-report.ts importing a value from
// tune-command.ts, which loaded tune-report.ts back.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const sources = execFileSync(
  'git',
  ['ls-files', 'packages/*/src/**.ts', 'benchmarks/src/**.ts', 'scripts/kafka/*.mjs'],
  {
    cwd: root,
    encoding: 'utf8',
  },
)
  .split('\n')
  .filter(Boolean)
  .map((file) => resolve(root, file));
const known = new Set(sources);

/** The relative specifiers `file` loads at run time. */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      if (!typeOnly) out.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined && !node.isTypeOnly) {
      if (ts.isStringLiteral(node.moduleSpecifier)) out.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      out.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out.filter((specifier) => specifier.startsWith('.'));
}

/** The workspace module a relative specifier names (`./x.js` is `./x.ts` in the sources). */
function resolveModule(from: string, specifier: string): string | undefined {
  const target = resolve(dirname(from), specifier);
  return [target, target.replace(/\.js$/, '.ts'), `${target}.ts`, resolve(target, 'index.ts')].find((f) =>
    known.has(f),
  );
}

function cycles(): string[][] {
  const graph = new Map(
    sources.map((file) => [
      file,
      valueImports(file)
        .map((s) => resolveModule(file, s))
        .filter((f) => f !== undefined),
    ]),
  );
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open')
        found.push([...path.slice(path.indexOf(next)), next].map((f) => relative(root, f)));
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of sources) if (!state.has(file)) visit(file);
  return found;
}

describe('import graph', () => {
  it('reads the workspace sources and their imports', () => {
    expect(sources.length).toBeGreaterThan(100);
    const publisher = resolve(root, 'packages/publisher/src/index.ts');
    expect(valueImports(publisher)).toContain('./publisher.js');
    expect(resolveModule(publisher, './publisher.js')).toBe(resolve(root, 'packages/publisher/src/publisher.ts'));
  });

  it('has no cycle at run time', () => {
    expect(cycles()).toEqual([]);
  });
});
