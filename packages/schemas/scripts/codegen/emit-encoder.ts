// Emits a single-pass validating JSON encoder for one message type. The output validates every
// value with the same tag expressions typia uses and writes bytes straight into a ByteSink; it
// returns -1 the moment anything is unusual, and the codec then asks typia, the validator of
// record, for the full error list. See docs/schemas.md, "How encode is fast".
import { snapshotExpression } from './emit-snapshot.js';
import { Emitter } from './emitter.js';
import type { TagCheck, WireType } from './wire-type.js';

/** What one generated encoder module is made from. */
export interface EncoderInput {
  /** The type's name, e.g. `OrderEventMessage`. */
  readonly typeName: string;
  /** Suffix for the exported functions, e.g. `OrderEventMessageV1`. */
  readonly exportName: string;
  /** The type's file, relative to the package, for the header comment. */
  readonly sourceFile: string;
  readonly wire: WireType;
}

type Piece =
  | { readonly kind: 'const'; readonly text: string }
  | { readonly kind: 'string' | 'number' | 'uint' | 'boolean'; readonly value: string }
  /** A value with its own checks and reservations; `open`/`close` join the surrounding runs. */
  | { readonly kind: 'nested'; readonly open: string; readonly close: string; readonly emit: () => void };

function utf8Bytes(text: string): number[] {
  return [...Buffer.from(text, 'utf8')];
}

/** Writes the pieces, reserving room once per run of pieces between nested values. */
function emitPieces(e: Emitter, pieces: readonly Piece[], commaIndex: string | undefined): void {
  let run: Piece[] = [];
  const push = (piece: Piece): void => {
    const last = run[run.length - 1];
    if (piece.kind === 'const' && last?.kind === 'const') run[run.length - 1] = { kind: 'const', text: last.text + piece.text };
    else run.push(piece);
  };
  let comma = commaIndex;
  const flush = (): void => {
    if (run.length === 0 && comma === undefined) return;
    let constant = comma === undefined ? 0 : 1;
    const variable: string[] = [];
    for (const piece of run) {
      if (piece.kind === 'const') constant += utf8Bytes(piece.text).length;
      else if (piece.kind === 'string') variable.push(e.use(`${piece.value}.length * MAX_BYTES_PER_CODE_UNIT`, 'MAX_BYTES_PER_CODE_UNIT'));
      else if (piece.kind === 'boolean') constant += 5;
      else if (piece.kind !== 'nested') variable.push(e.use('MAX_NUMBER_BYTES', 'MAX_NUMBER_BYTES'));
    }
    e.line(`r = ${[String(constant), ...variable].join(' + ')};`);
    e.line('if (p + r > b.length) {');
    e.line('  p = sink.grow(p, r);');
    e.line('  b = sink.buf;');
    e.line('}');
    if (comma !== undefined) e.line(`if (${comma} !== 0) b[p++] = 0x2c;`);
    comma = undefined;
    for (const piece of run) {
      if (piece.kind === 'const') {
        // Constant text (keys, quotes, brackets) is written unrolled, byte by byte.
        e.line(`// ${JSON.stringify(piece.text).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)}`);
        const bytes = utf8Bytes(piece.text);
        bytes.forEach((byte, i) => e.line(`b[${i === 0 ? 'p' : `p + ${i}`}] = ${byte};`));
        e.line(`p += ${bytes.length};`);
      } else if (piece.kind === 'string') e.line(e.use(`p = writeJsonChars(b, p, ${piece.value});`, 'writeJsonChars'));
      else if (piece.kind === 'number') e.line(e.use(`p = writeJsonNumber(b, p, ${piece.value});`, 'writeJsonNumber'));
      else if (piece.kind === 'uint') e.line(e.use(`p = writeJsonUint(b, p, ${piece.value});`, 'writeJsonUint'));
      else if (piece.kind === 'boolean') e.line(e.use(`p = ${piece.value} ? writeJsonTrue(b, p) : writeJsonFalse(b, p);`, 'writeJsonTrue', 'writeJsonFalse'));
    }
    run = [];
  };
  for (const piece of pieces) {
    if (piece.kind === 'nested') {
      if (piece.open !== '') push({ kind: 'const', text: piece.open });
      flush();
      piece.emit();
      if (piece.close !== '') push({ kind: 'const', text: piece.close });
    } else {
      push(piece);
    }
  }
  flush();
}

/** A finiteness tag: the number check below already makes it. */
const FINITE = '(Number.isFinite($input))';

/** Emits the checks of a scalar in `name`; returns the pieces that write it. */
function scalar(e: Emitter, type: WireType, name: string): Piece[] {
  const fail = (conditions: string[]): void => e.line(`if (${conditions.join(' || ')}) return -1;`);
  const tags = (checks: readonly TagCheck[]): string[] =>
    checks.filter((c) => type.kind !== 'number' || c !== FINITE).map((c) => `!${e.check(c, name)}`);
  switch (type.kind) {
    case 'string':
      fail([`typeof ${name} !== 'string'`, ...tags(type.checks)]);
      return [{ kind: 'const', text: '"' }, { kind: 'string', value: name }, { kind: 'const', text: '"' }];
    case 'number':
      // Non-finite numbers print as `null`: never on the fast path, whatever the tags say.
      fail([`typeof ${name} !== 'number'`, `!Number.isFinite(${name})`, ...tags(type.checks)]);
      return [{ kind: type.unsignedInteger ? 'uint' : 'number', value: name }];
    case 'boolean':
      fail([`typeof ${name} !== 'boolean'`]);
      return [{ kind: 'boolean', value: name }];
    default:
      throw new Error('not a scalar');
  }
}

/** Emits code that validates and writes the value in `name`, preceded by `,` unless `commaIndex` is 0. */
function value(e: Emitter, type: WireType, name: string, commaIndex: string | undefined): void {
  if (type.kind === 'object') return object(e, type, name, commaIndex);
  if (type.kind === 'array') return emitPieces(e, [arrayPiece(e, type, name)], commaIndex);
  emitPieces(e, scalar(e, type, name), commaIndex);
}

function object(e: Emitter, type: Extract<WireType, { kind: 'object' }>, name: string, commaIndex: string | undefined): void {
  const keys = e.fresh('k');
  const record = e.fresh('o');
  e.line(`// ${type.name}`);
  e.line(`if (typeof ${name} !== 'object' || ${name} === null) return -1;`);
  e.usesProto = true;
  e.line(`proto = Object.getPrototypeOf(${name});`);
  e.line('if (proto !== OBJECT_PROTOTYPE && proto !== null) return -1;');
  // Own enumerable keys exactly the contract's, in its order: no extras, nothing inherited, nothing
  // non-enumerable, and JSON.stringify would write the same keys in the same order.
  e.line(`const ${keys} = Object.keys(${name});`);
  const keyChecks = type.properties.map((p, i) => `${keys}[${i}] !== ${JSON.stringify(p.key)}`);
  e.line(`if (${[`${keys}.length !== ${type.properties.length}`, ...keyChecks].join(' || ')}) return -1;`);
  e.line(`const ${record} = ${name} as Record<string, unknown>;`);
  const pieces: Piece[] = [{ kind: 'const', text: '{' }];
  type.properties.forEach((property, i) => {
    const local = e.fresh('v');
    e.line(`const ${local} = ${record}[${JSON.stringify(property.key)}];`);
    pieces.push({ kind: 'const', text: `${i === 0 ? '' : ','}${JSON.stringify(property.key)}:` });
    if (property.value.kind === 'object') {
      const nested = property.value;
      pieces.push({ kind: 'nested', open: '', close: '', emit: () => object(e, nested, local, undefined) });
    } else if (property.value.kind === 'array') {
      pieces.push(arrayPiece(e, property.value, local));
    } else {
      pieces.push(...scalar(e, property.value, local));
    }
  });
  pieces.push({ kind: 'const', text: '}' });
  emitPieces(e, pieces, commaIndex);
}

/** The piece that writes the array in `name`: `[`, then each element checked and written, then `]`. */
function arrayPiece(e: Emitter, type: Extract<WireType, { kind: 'array' }>, name: string): Piece {
  const emit = (): void => {
    const index = e.fresh('i');
    const length = e.fresh('n');
    const element = e.fresh('v');
    e.line(`if (!Array.isArray(${name}) || Object.getPrototypeOf(${name}) !== ARRAY_PROTOTYPE) return -1;`);
    for (const check of type.checks) e.line(`if (!${e.check(check, name)}) return -1;`);
    e.block(`for (let ${index} = 0, ${length} = ${name}.length; ${index} < ${length}; ${index}++)`, () => {
      // A hole reads as undefined and fails the element's type check: JSON.stringify would write null.
      e.line(`const ${element}: unknown = ${name}[${index}];`);
      value(e, type.element, element, index);
    });
  };
  return { kind: 'nested', open: '[', close: ']', emit };
}

/** The TypeScript source of the encoder module for `input`. */
export function emitEncoder(input: EncoderInput): string {
  const e = new Emitter();
  value(e, input.wire, 'input', undefined);
  const helpers = new Map<string, string>();
  const snapshotRoot = snapshotExpression(e, input.wire, 'input', helpers);
  return [
    `// Generated by scripts/generate.ts from ${input.typeName} in ${input.sourceFile}: do not edit.`,
    '// Run `pnpm --filter @herald/schemas generate` after changing the type; a test fails on drift.',
    ...e.importLines(),
    '',
    `/**`,
    ` * Validates \`input\` against ${input.typeName} and writes its JSON into \`sink\` from \`sink.start\`;`,
    ' * returns the end offset, or -1 when the input is invalid or unusual (then nothing counts as written).',
    ' */',
    `export function write${input.exportName}(input: unknown, sink: ByteSink): number {`,
    '  // A toJSON on a shared prototype would change what JSON.stringify writes: let the slow path decide.',
    '  if (OBJECT_PROTOTYPE.toJSON !== undefined || ARRAY_PROTOTYPE.toJSON !== undefined) return -1;',
    '  let b = sink.buf;',
    '  let p = sink.start;',
    '  let r = 0;',
    ...(e.usesProto ? ['  let proto: unknown;'] : []),
    ...e.lines,
    '  return p;',
    '}',
    '',
    '/**',
    ` * A plain copy of \`input\` with only the ${input.typeName} properties, each read once, in contract`,
    ' * order, arrays made dense; anything that is not the expected shape is kept as is for the validator.',
    ' */',
    `export function snapshot${input.exportName}(input: unknown): unknown {`,
    `  return ${snapshotRoot};`,
    '}',
    '',
    ...[...helpers.values()].flatMap((h) => [h, '']),
  ].join('\n');
}
