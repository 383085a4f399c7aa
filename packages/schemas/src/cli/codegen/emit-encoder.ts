// Emits a single-pass validating JSON encoder for one message type. The output validates every
// value with the same tag expressions typia uses and writes bytes straight into a ByteSink; it
// returns -1 the moment anything is unusual, and the codec then asks typia, the validator of
// record, for the full error list. See docs/schemas.md, "How encode is fast".
import { snapshotExpression } from './emit-snapshot.js';
import { acceleratedCheck } from './accelerated-checks.js';
import { Emitter } from './emitter.js';
import type { Literal, TagCheck, WireType } from './wire-type.js';

/** What one generated encoder module is made from. */
export interface EncoderInput {
  /** The type's name, e.g. `OrderEventMessage`. */
  readonly typeName: string;
  /** Suffix for the exported functions, e.g. `OrderEventMessageV1`. */
  readonly exportName: string;
  /** The type's file, relative to the declaration, for the header comment. */
  readonly sourceFile: string;
  /** The module specifier of the run-time helpers, e.g. `@herald/schemas/runtime`. */
  readonly runtime: string;

  readonly wire: WireType;
}

type Piece =
  | { readonly kind: 'const'; readonly text: string }
  | { readonly kind: 'string' | 'number' | 'uint' | 'boolean'; readonly value: string }
  /** A string its checks proved printable ASCII with nothing to escape: copied natively, a byte per unit. */
  | { readonly kind: 'ascii'; readonly value: string }
  /** A value already checked to be one of a few literals: each one's JSON text is constant. */
  | { readonly kind: 'choice'; readonly value: string; readonly options: readonly Literal[] }
  /** A value with its own checks and reservations; `open`/`close` join the surrounding runs. */
  | { readonly kind: 'nested'; readonly open: string; readonly close: string; readonly emit: () => void };

function utf8Bytes(text: string): number[] {
  return [...Buffer.from(text, 'utf8')];
}

/** After a grow: the new buffer's DataView (the line is dropped when no constant needed the view). */
const VIEW_REFRESH = 'dv = sink.view;';

/** The position `offset` bytes past `p`. */
function at(offset: number): string {
  return offset === 0 ? 'p' : `p + ${offset}`;
}

/**
 * Writes constant bytes at `p` and moves `p` past them: four at a time through the sink's DataView
 * (one bounds check and one store per four bytes), then two, then one. Byte by byte, the keys of a
 * payment event took a quarter of its encode time; writing words saved a tenth of it.
 */
function writeBytes(e: Emitter, bytes: readonly number[]): void {
  let i = 0;
  for (; i + 4 <= bytes.length; i += 4) {
    const word = (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24)) >>> 0;
    e.usesView = true;
    e.line(`dv.setUint32(${at(i)}, ${word}, true);`);
  }
  if (i + 2 <= bytes.length) {
    e.usesView = true;
    e.line(`dv.setUint16(${at(i)}, ${bytes[i]! | (bytes[i + 1]! << 8)}, true);`);
    i += 2;
  }
  if (i < bytes.length) e.line(`b[${at(i)}] = ${bytes[i]!};`);
  e.line(`p += ${bytes.length};`);
}

/** Writes the pre-encoded JSON of whichever literal `name` holds (the last one needs no test). */
function writeChoice(e: Emitter, name: string, options: readonly Literal[]): void {
  options.forEach((option, i) => {
    const bytes = utf8Bytes(JSON.stringify(option));
    const head =
      i === options.length - 1
        ? i === 0
          ? ''
          : 'else'
        : `${i === 0 ? '' : 'else '}if (${name} === ${JSON.stringify(option)})`;
    const body = (): void => writeBytes(e, bytes);
    if (head === '') body();
    else e.block(head, body);
  });
}

/** Writes the pieces, reserving room once per run of pieces between nested values. */
function emitPieces(e: Emitter, pieces: readonly Piece[], commaIndex: string | undefined): void {
  let run: Piece[] = [];
  const push = (piece: Piece): void => {
    const last = run[run.length - 1];
    if (piece.kind === 'const' && last?.kind === 'const')
      run[run.length - 1] = { kind: 'const', text: last.text + piece.text };
    else run.push(piece);
  };
  let comma = commaIndex;
  const flush = (): void => {
    if (run.length === 0 && comma === undefined) return;
    let constant = comma === undefined ? 0 : 1;
    const variable: string[] = [];
    for (const piece of run) {
      if (piece.kind === 'const') constant += utf8Bytes(piece.text).length;
      else if (piece.kind === 'string')
        variable.push(e.use(`${piece.value}.length * MAX_BYTES_PER_CODE_UNIT`, 'MAX_BYTES_PER_CODE_UNIT'));
      else if (piece.kind === 'ascii') variable.push(`${piece.value}.length`);
      else if (piece.kind === 'boolean') constant += 5;
      else if (piece.kind === 'choice')
        constant += Math.max(...piece.options.map((o) => utf8Bytes(JSON.stringify(o)).length));
      else if (piece.kind !== 'nested') variable.push(e.use('MAX_NUMBER_BYTES', 'MAX_NUMBER_BYTES'));
    }
    e.line(`r = ${[String(constant), ...variable].join(' + ')};`);
    e.line('if (p + r > b.length) {');
    e.line('  p = sink.grow(p, r);');
    e.line('  b = sink.buf;');
    e.line(`  ${VIEW_REFRESH}`);
    e.line('}');
    if (comma !== undefined) e.line(`if (${comma} !== 0) b[p++] = 0x2c;`);
    comma = undefined;
    for (const piece of run) {
      if (piece.kind === 'const') {
        // Constant text (keys, quotes, brackets) is written unrolled.
        e.line(
          `// ${JSON.stringify(piece.text).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)}`,
        );
        writeBytes(e, utf8Bytes(piece.text));
      } else if (piece.kind === 'string') e.line(e.use(`p = writeJsonChars(b, p, ${piece.value});`, 'writeJsonChars'));
      else if (piece.kind === 'ascii') e.line(`p += b.write(${piece.value}, p, 'latin1');`);
      else if (piece.kind === 'number') e.line(e.use(`p = writeJsonNumber(b, p, ${piece.value});`, 'writeJsonNumber'));
      else if (piece.kind === 'uint') e.line(e.use(`p = writeJsonUint(b, p, ${piece.value});`, 'writeJsonUint'));
      else if (piece.kind === 'boolean')
        e.line(
          e.use(`p = ${piece.value} ? writeJsonTrue(b, p) : writeJsonFalse(b, p);`, 'writeJsonTrue', 'writeJsonFalse'),
        );
      else if (piece.kind === 'choice') writeChoice(e, piece.value, piece.options);
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

type ObjectType = Extract<WireType, { kind: 'object' }>;

/**
 * Emits the checks of the value in `name` that come before its bytes, and returns the pieces that
 * write it. Scalars are checked here, so a run of scalars shares one reservation; composite values
 * become one nested piece that checks and writes itself.
 */
function pieces(e: Emitter, type: WireType, name: string): Piece[] {
  const fail = (conditions: string[]): void => e.line(`if (${conditions.join(' || ')}) return -1;`);
  const tags = (checks: readonly TagCheck[]): string[] =>
    checks.filter((c) => type.kind !== 'number' || c !== FINITE).map((c) => `!${e.check(c, name)}`);
  switch (type.kind) {
    case 'string':
      fail([`typeof ${name} !== 'string'`, ...tags(type.checks)]);
      return [
        { kind: 'const', text: '"' },
        { kind: type.checks.some((c) => acceleratedCheck(c)?.plainAscii === true) ? 'ascii' : 'string', value: name },
        { kind: 'const', text: '"' },
      ];
    case 'number':
      // Non-finite numbers print as `null`: never on the fast path, whatever the tags say.
      fail([`typeof ${name} !== 'number'`, `!Number.isFinite(${name})`, ...tags(type.checks)]);
      return [{ kind: type.unsignedInteger ? 'uint' : 'number', value: name }];
    case 'boolean':
      fail([`typeof ${name} !== 'boolean'`]);
      return [{ kind: 'boolean', value: name }];
    case 'literal':
      fail([type.values.map((v) => `${name} !== ${JSON.stringify(v)}`).join(' && ')]);
      return [{ kind: 'choice', value: name, options: type.values }];
    case 'nullable':
      return [
        nested(() => {
          e.block(`if (${name} === null)`, () => emitPieces(e, [{ kind: 'const', text: 'null' }], undefined));
          e.block('else', () => value(e, type.value, name, undefined));
        }),
      ];
    case 'object':
      return [nested(() => object(e, type, name))];
    case 'array':
      return [arrayPiece(e, type, name)];
    case 'record':
      return [nested(() => record(e, type, name))];
    case 'union':
      return [nested(() => union(e, type, name))];
  }
}

function nested(emit: () => void): Piece {
  return { kind: 'nested', open: '', close: '', emit };
}

/** Emits code that validates and writes the value in `name`, preceded by `,` unless `commaIndex` is 0. */
function value(e: Emitter, type: WireType, name: string, commaIndex: string | undefined): void {
  emitPieces(e, pieces(e, type, name), commaIndex);
}

/** Checks that `name` is a plain object (or null-prototype), as JSON.stringify would see it. */
function plainObject(e: Emitter, name: string): void {
  e.line(`if (typeof ${name} !== 'object' || ${name} === null) return -1;`);
  e.usesProto = true;
  e.line(`proto = Object.getPrototypeOf(${name});`);
  e.line('if (proto !== OBJECT_PROTOTYPE && proto !== null) return -1;');
}

function object(e: Emitter, type: ObjectType, name: string): void {
  const keys = e.fresh('k');
  const record = e.fresh('o');
  e.line(`// ${type.name}`);
  plainObject(e, name);
  // Own enumerable keys exactly the contract's, in its order (optional ones may be missing): no
  // extras, nothing inherited, nothing non-enumerable, and JSON.stringify would write the same
  // keys in the same order.
  e.line(`const ${keys} = Object.keys(${name});`);
  e.line(`const ${record} = ${name} as Record<string, unknown>;`);
  const locals = new Map<string, string>();
  if (type.properties.every((p) => !p.optional)) {
    const keyChecks = type.properties.map((p, i) => `${keys}[${i}] !== ${JSON.stringify(p.key)}`);
    e.line(`if (${[`${keys}.length !== ${type.properties.length}`, ...keyChecks].join(' || ')}) return -1;`);
    for (const property of type.properties) {
      const local = e.fresh('v');
      locals.set(property.key, local);
      e.line(`const ${local} = ${record}[${JSON.stringify(property.key)}];`);
    }
  } else {
    const at = e.fresh('j');
    e.line(`let ${at} = 0;`);
    for (const property of type.properties) {
      const local = e.fresh('v');
      locals.set(property.key, local);
      const key = JSON.stringify(property.key);
      if (property.optional) {
        // Read by its literal name (a monomorphic load), not by the key just compared (a megamorphic one).
        e.line(`let ${local}: unknown;`);
        e.line(`if (${keys}[${at}] === ${key}) {`);
        e.line(`  ${at}++;`);
        e.line(`  ${local} = ${record}[${key}];`);
        e.line('}');
      } else {
        e.line(`if (${keys}[${at}++] !== ${key}) return -1;`);
        e.line(`const ${local} = ${record}[${key}];`);
      }
    }
    e.line(`if (${at} !== ${keys}.length) return -1;`);
  }
  const out: Piece[] = [{ kind: 'const', text: '{' }];
  // Whether a property is certainly written before this one: then its comma is constant text.
  let written = false;
  let wrote: string | undefined;
  for (const property of type.properties) {
    const local = locals.get(property.key)!;
    const key = `${JSON.stringify(property.key)}:`;
    if (!property.optional && written) {
      out.push({ kind: 'const', text: `,${key}` }, ...pieces(e, property.value, local));
      continue;
    }
    if (!property.optional && wrote === undefined) {
      out.push({ kind: 'const', text: key }, ...pieces(e, property.value, local));
      written = true;
      continue;
    }
    // Optional, or required after optional ones only: the comma depends on what was written.
    if (!written && wrote === undefined) {
      wrote = e.fresh('w');
      e.line(`let ${wrote} = 0;`);
    }
    const comma = written ? undefined : wrote;
    const emitProperty = (): void => {
      emitPieces(e, [{ kind: 'const', text: written ? `,${key}` : key }, ...pieces(e, property.value, local)], comma);
    };
    const isWritten = written;
    out.push(
      nested(() => {
        const body = (): void => {
          emitProperty();
          if (!isWritten) e.line(`${wrote} = 1;`);
        };
        if (property.optional) e.block(`if (${local} !== undefined)`, body);
        else body();
      }),
    );
    if (!property.optional) written = true;
  }
  out.push({ kind: 'const', text: '}' });
  emitPieces(e, out, undefined);
}

function record(e: Emitter, type: Extract<WireType, { kind: 'record' }>, name: string): void {
  const keys = e.fresh('k');
  const entries = e.fresh('o');
  const index = e.fresh('i');
  const length = e.fresh('n');
  const key = e.fresh('key');
  const element = e.fresh('v');
  e.line(`// ${type.name}`);
  plainObject(e, name);
  // Object.keys lists own enumerable string keys in the order JSON.stringify writes them.
  e.line(`const ${keys} = Object.keys(${name});`);
  e.line(`const ${entries} = ${name} as Record<string, unknown>;`);
  emitPieces(e, [{ kind: 'const', text: '{' }], undefined);
  e.block(`for (let ${index} = 0, ${length} = ${keys}.length; ${index} < ${length}; ${index}++)`, () => {
    e.line(`const ${key} = ${keys}[${index}]!;`);
    // An undefined value fails the value's type check: JSON.stringify would leave the key out.
    e.line(`const ${element}: unknown = ${entries}[${key}];`);
    const head: Piece[] = [
      { kind: 'const', text: '"' },
      { kind: 'string', value: key },
      { kind: 'const', text: '":' },
    ];
    emitPieces(e, [...head, ...pieces(e, type.value, element)], index);
  });
  emitPieces(e, [{ kind: 'const', text: '}' }], undefined);
}

function union(e: Emitter, type: Extract<WireType, { kind: 'union' }>, name: string): void {
  const tag = e.fresh('t');
  e.line(`// ${type.name}, by ${type.tag}`);
  e.line(`if (typeof ${name} !== 'object' || ${name} === null) return -1;`);
  e.line(`const ${tag} = (${name} as Record<string, unknown>)[${JSON.stringify(type.tag)}];`);
  type.branches.forEach((branch, i) => {
    const test = branch.tags.map((t) => `${tag} === ${JSON.stringify(t)}`).join(' || ');
    e.block(`${i === 0 ? '' : 'else '}if (${test})`, () => object(e, branch.object, name));
  });
  e.line('else return -1;');
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
    `// Generated by \`herald-schemas generate\` from ${input.typeName} in ${input.sourceFile}: do not edit.`,
    '// Run `herald-schemas generate` after changing the type; `herald-schemas generate --check` fails on drift.',
    '/* eslint-disable */',
    ...e.importLines(input.runtime),
    '',
    ...(e.patterns.size === 0
      ? []
      : ['// The regular expressions of the tag checks, built once.', ...e.patternLines(), '']),
    `/**`,
    ` * Validates \`input\` against ${input.typeName} and writes its JSON into \`sink\` from \`sink.start\`;`,
    ' * returns the end offset, or -1 when the input is invalid or unusual (then nothing counts as written).',
    ' */',
    `export function write${input.exportName}(input: unknown, sink: ByteSink): number {`,
    '  // A toJSON on a shared prototype would change what JSON.stringify writes: let the slow path decide.',
    '  if (OBJECT_PROTOTYPE.toJSON !== undefined || ARRAY_PROTOTYPE.toJSON !== undefined) return -1;',
    '  let b = sink.buf;',
    ...(e.usesView ? ['  let dv = sink.view;'] : []),
    '  let p = sink.start;',
    '  let r = 0;',
    ...(e.usesProto ? ['  let proto: unknown;'] : []),
    ...(e.usesView ? e.lines : e.lines.filter((l) => l.trim() !== VIEW_REFRESH)),
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
    // Each helper starts with a comment naming its shape (see emit-snapshot.ts): not for the output.
    ...[...helpers.values()].flatMap((h) => [h.replace(/^\/\/ .*\n/, ''), '']),
  ].join('\n');
}
