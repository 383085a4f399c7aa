// Emits the module a team imports: a ready `Codec<T>` built with the public `createCodec` from
// the generated encoder and validators.
import type { UnionTag } from '../../codec/codec-spec.js';
import type { WireType } from './wire-type.js';

/** What one codec module is made from. */
export interface CodecModuleInput {
  readonly typeName: string;
  /** Specifier of the contract's type, relative to the module. */
  readonly typeImport: string;
  readonly exportName: string;
  /** The generated files' stem, e.g. `customer-registered.v1`. */
  readonly file: string;
  readonly version: number;
  readonly schemaId: string;
  readonly runtime: string;
  /** The contract's discriminated unions, for error messages. */
  readonly unions: readonly UnionTag[];
}

/** Every discriminated union in `type`, once per name. */
export function collectUnions(type: WireType, out = new Map<string, UnionTag>()): UnionTag[] {
  switch (type.kind) {
    case 'nullable':
      collectUnions(type.value, out);
      break;
    case 'array':
      collectUnions(type.element, out);
      break;
    case 'record':
      collectUnions(type.value, out);
      break;
    case 'object':
      for (const p of type.properties) collectUnions(p.value, out);
      break;
    case 'union':
      out.set(type.name, { expected: type.name, tag: type.tag, values: type.branches.flatMap((b) => b.tags) });
      for (const b of type.branches) collectUnions(b.object, out);
      break;
    default:
  }
  return [...out.values()];
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** The TypeScript source of the codec module. */
export function emitCodec(input: CodecModuleInput, header: readonly string[]): string {
  const { typeName: t, exportName: n } = input;
  const value = lowerFirst(n);
  return [
    ...header,
    `import { createCodec } from '${input.runtime}';`,
    `import type { Codec, CodecOptions } from '${input.runtime}';`,
    `import type { ${t} } from '${input.typeImport}';`,
    `import { snapshot${n}, write${n} } from './${input.file}.encoder.js';`,
    `import { validate${n} } from './${input.file}.validators.js';`,
    '',
    `/** The \`$id\` of the ${t} v${input.version} JSON Schema, also the CloudEvents \`dataschema\` of its events. */`,
    `export const ${value}SchemaId = ${JSON.stringify(input.schemaId)};`,
    '',
    `/** A codec for {@link ${t}} version ${input.version} with its own options, e.g. \`{ redactValues: true }\`. */`,
    `export function create${n}Codec(options?: CodecOptions): Codec<${t}> {`,
    '  return createCodec(',
    '    {',
    `      name: ${JSON.stringify(`${t} v${input.version}`)},`,
    `      schemaId: ${value}SchemaId,`,
    `      write: write${n},`,
    `      snapshot: snapshot${n},`,
    `      validate: validate${n},`,
    ...(input.unions.length === 0 ? [] : [`      unions: ${JSON.stringify(input.unions)},`]),
    '    },',
    '    options,',
    '  );',
    '}',
    '',
    `/** The shared codec for {@link ${t}} version ${input.version}, with default options (values not redacted). */`,
    `export const ${value}Codec: Codec<${t}> = create${n}Codec();`,
    '',
  ].join('\n');
}
