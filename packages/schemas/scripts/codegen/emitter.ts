// The bookkeeping of code generation: lines, indentation, fresh names and the imports they need.
import type { TagCheck } from './wire-type.js';

/** Which runtime module exports each helper a generated encoder may use. */
const RUNTIME: Readonly<Record<string, string>> = {
  ARRAY_PROTOTYPE: 'plain-data',
  OBJECT_PROTOTYPE: 'plain-data',
  identity: 'plain-data',
  snapshotArray: 'plain-data',
  MAX_BYTES_PER_CODE_UNIT: 'write-json-string',
  writeJsonChars: 'write-json-string',
  MAX_NUMBER_BYTES: 'write-json-number',
  writeJsonNumber: 'write-json-number',
  writeJsonUint: 'write-json-number',
  writeJsonFalse: 'write-json-boolean',
  writeJsonTrue: 'write-json-boolean',
};

/** Collects the lines of a generated module and what they import. */
export class Emitter {
  readonly lines: string[] = [];
  /** typia internals the tag expressions call, e.g. `isTypeUint32`. */
  readonly imports = new Set<string>();
  /** Our runtime helpers the code uses, e.g. `writeJsonChars`. */
  readonly runtime = new Set<string>(['ARRAY_PROTOTYPE', 'OBJECT_PROTOTYPE']);
  /** Whether any object check needs the shared `proto` local. */
  usesProto = false;
  private depth = 1;
  private counter = 0;

  /** A new unique local name. */
  fresh(prefix: string): string {
    return `${prefix}${this.counter++}`;
  }

  /** Records the use of runtime helpers and returns the code unchanged. */
  use(code: string, ...names: string[]): string {
    for (const name of names) this.runtime.add(name);
    return code;
  }

  /** Appends a line at the current indentation. */
  line(text: string): void {
    this.lines.push(`${'  '.repeat(this.depth)}${text}`);
  }

  /** Appends `head {`, the lines `body` emits indented, and `}`. */
  block(head: string, body: () => void): void {
    this.line(`${head} {`);
    this.depth++;
    body();
    this.depth--;
    this.line('}');
  }

  /** Rewrites a typia tag expression for the value in `name`. */
  check(expression: TagCheck, name: string): string {
    return expression
      .replace(/\$importInternal\("(\w+)"\)/g, (_, helper: string) => {
        this.imports.add(helper);
        return `_${helper}`;
      })
      .replace(/\$input\b/g, name);
  }

  /** The import statements for what the emitted code used. */
  importLines(): string[] {
    const typia = [...this.imports].sort().map((h) => `import { _${h} } from 'typia/lib/internal/_${h}';`);
    const modules = new Map<string, string[]>();
    for (const name of [...this.runtime].sort()) modules.set(RUNTIME[name]!, [...(modules.get(RUNTIME[name]!) ?? []), name]);
    const runtime = [...modules]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([module, names]) => `import { ${names.join(', ')} } from '../internal/${module}.js';`);
    return [...typia, "import type { ByteSink } from '../internal/byte-sink.js';", ...runtime];
  }
}
