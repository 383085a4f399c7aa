// The bookkeeping of code generation: lines, indentation, fresh names and the imports they need.
import { acceleratedCheck } from './accelerated-checks.js';
import { hoistPatterns } from './hoist-patterns.js';
import type { TagCheck } from './wire-type.js';

/** Collects the lines of a generated module and what they import. */
export class Emitter {
  readonly lines: string[] = [];
  /** typia helpers the tag expressions call, e.g. `isTypeUint32` (imported from the runtime as `_isTypeUint32`). */
  readonly imports = new Set<string>();
  /** Our runtime helpers the code uses, e.g. `writeJsonChars`. */
  readonly runtime = new Set<string>(['ARRAY_PROTOTYPE', 'OBJECT_PROTOTYPE']);
  /** Regular expressions the tag checks use, built once at module scope: source text -> constant name. */
  readonly patterns = new Map<string, string>();
  /** Whether any object check needs the shared `proto` local. */
  usesProto = false;
  /** Whether constants are written through the sink's DataView (`dv`). */
  usesView = false;
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

  /**
   * Rewrites a typia tag expression for the value in `name`: a call of its runtime equivalent when
   * it has one (accelerated-checks.ts), else the expression with its regular expressions hoisted.
   */
  check(expression: TagCheck, name: string): string {
    const fast = acceleratedCheck(expression);
    if (fast !== undefined) return this.use(`${fast.helper}(${name})`, fast.helper);
    const called = expression.replace(/\$importInternal\("(\w+)"\)/g, (_, helper: string) => {
      this.imports.add(helper);
      return `_${helper}`;
    });
    return hoistPatterns(called, (source) => {
      let constant = this.patterns.get(source);
      if (constant === undefined) {
        constant = `PATTERN_${this.patterns.size}`;
        this.patterns.set(source, constant);
      }
      return constant;
    }).replace(/\$input\b/g, name);
  }

  /** The module-level declarations of {@link patterns}. */
  patternLines(): string[] {
    return [...this.patterns].map(([source, constant]) => `const ${constant} = ${source};`);
  }

  /** The import statements for what the emitted code used, all from the public runtime entry point `runtime`. */
  importLines(runtime: string): string[] {
    const names = [...[...this.imports].map((h) => `_${h}`), ...this.runtime].sort((a, b) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return [`import type { ByteSink } from '${runtime}';`, `import { ${names.join(', ')} } from '${runtime}';`];
  }
}
