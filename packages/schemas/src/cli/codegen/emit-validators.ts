// typia's generation mode, in memory: a small module of `typia.createValidateEquals<T>()` calls is
// added to the team's program, typia's transformer turns the calls into plain code, and its helper
// imports are pointed at our public runtime, so the output compiles with plain `tsc` and runs
// without typia.
import ts from 'typescript';
import { transform } from 'typia/lib/transform';
import { UsageError } from '../usage-error.js';

/** One validators module to generate. */
export interface ValidatorsInput {
  /** Absolute path the module will have (its imports are relative to it). */
  readonly path: string;
  readonly typeName: string;
  /** Specifier of the contract's type, relative to {@link path}, e.g. `'../events/customer.js'`. */
  readonly typeImport: string;
  readonly exportName: string;
  /** Open content model: `createIs`/`createValidate` instead of their `Equals` forms. */
  readonly openContent: boolean;
}

/** The module handed to typia's transformer. */
export function validatorsSource(input: ValidatorsInput): string {
  const mode = input.openContent ? '' : 'Equals';
  const { typeName: t, exportName: n } = input;
  return [
    "import typia from 'typia';",
    `import type { ${t} } from '${input.typeImport}';`,
    '',
    `/** True when \`input\` is a valid {@link ${t}}${input.openContent ? '' : ' with no extra properties'}. */`,
    `export const is${n}: (input: unknown) => input is ${t} = typia.create${mode === '' ? 'Is' : 'Equals'}<${t}>();`,
    '',
    `/** Every violation of the {@link ${t}} contract in \`input\`. */`,
    `export const validate${n} = typia.createValidate${mode}<${t}>();`,
    '',
  ].join('\n');
}

/** A compiler host that also serves `virtual` files (path → text). */
export function virtualHost(options: ts.CompilerOptions, virtual: ReadonlyMap<string, string>): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  host.getSourceFile = (name, language, ...rest) => {
    const text = virtual.get(ts.sys.resolvePath(name));
    return text === undefined ? getSourceFile(name, language, ...rest) : ts.createSourceFile(name, text, language);
  };
  host.fileExists = (name) => virtual.has(ts.sys.resolvePath(name)) || fileExists(name);
  host.readFile = (name) => virtual.get(ts.sys.resolvePath(name)) ?? readFile(name);
  return host;
}

const TYPIA_HELPER_IMPORT = /^import \* as __typia_transform__(\w+) from "typia\/lib\/internal\/_\1(?:\.js)?";\n/gm;

/** Runs typia's transformer over the virtual module at `path` and returns plain TypeScript. */
export function emitValidators(
  program: ts.Program,
  input: ValidatorsInput,
  runtime: string,
  header: readonly string[],
): string {
  const source = program.getSourceFile(input.path);
  if (source === undefined) throw new Error(`${input.path}: the validators module is not in the program`);
  const diagnostics: ts.Diagnostic[] = [];
  const result = ts.transform(
    source,
    [transform(program, {}, { addDiagnostic: (d) => diagnostics.push(d) })],
    program.getCompilerOptions(),
  );
  if (diagnostics.length > 0) {
    const message = diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' ')).join('; ');
    throw new UsageError(`${input.typeName}: typia cannot generate its validators: ${message}`);
  }
  let text = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed }).printFile(result.transformed[0]!);
  result.dispose();
  const helpers: string[] = [];
  text = text.replace(TYPIA_HELPER_IMPORT, (_, name: string) => {
    helpers.push(`_${name}`);
    return '';
  });
  for (const name of helpers) text = text.replaceAll(`__typia_transform__${name.slice(1)}.${name}`, name);
  const types = new Set<string>();
  text = text.replace(/import\("typia"\)\.(\w+)/g, (_, name: string) => {
    types.add(name);
    return name;
  });
  text = text.replace("import typia from 'typia';\n", '');
  // Generated code imports only our public runtime: anything else of typia's left over is a bug here.
  const leftover = text.split('\n').find((l) => /typia/.test(l));
  if (leftover !== undefined)
    throw new Error(`${input.typeName}: typia's output still refers to typia: ${leftover.slice(0, 120)}`);
  if ([...types].some((t) => t !== 'IValidation'))
    throw new Error(`${input.typeName}: typia's output uses types ${[...types].join(', ')}`);
  const imports = [
    ...(types.size === 0 ? [] : [`import type { ${[...types].sort().join(', ')} } from '${runtime}';`]),
    ...(helpers.length === 0 ? [] : [`import { ${helpers.sort().join(', ')} } from '${runtime}';`]),
  ];
  return [...header, ...imports, text].join('\n');
}
