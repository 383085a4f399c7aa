// Reads a message type through typia's own metadata analyser, so the generated encoder checks
// exactly the tags typia's validators check.
import { MetadataCollection, MetadataFactory } from '@typia/core';
import type { MetadataSchema } from '@typia/core';
import ts from 'typescript';
import type { TagCheck, WireProperty, WireType } from './wire-type.js';

/** A message type located in a program: what both generators start from. */
export interface AnalysedType {
  readonly metadata: MetadataSchema;
  readonly wire: WireType;
}

/** Creates the program for a package's build tsconfig. */
export function createProgram(tsconfigPath: string): ts.Program {
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfigPath, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (parsed === undefined) throw new Error(`cannot read ${tsconfigPath}`);
  return ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
}

/** Analyses the exported type `typeName` of `file`. */
export function analyseType(program: ts.Program, file: string, typeName: string): AnalysedType {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const moduleSymbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
  const symbol = moduleSymbol?.exports?.get(ts.escapeLeadingUnderscores(typeName));
  if (symbol === undefined) throw new Error(`${file} does not export ${typeName}`);
  const result = MetadataFactory.analyze({
    checker,
    transformer: undefined,
    options: { absorb: true, constant: true, escape: false },
    components: new MetadataCollection({ replace: MetadataCollection.replace }),
    type: checker.getDeclaredTypeOfSymbol(symbol),
  });
  if (!result.success) {
    throw new Error(`typia cannot analyse ${typeName}: ${result.errors.flatMap((e) => e.messages).join('; ')}`);
  }
  return { metadata: result.data, wire: toWireType(result.data, typeName) };
}

function tagChecks(tags: ReadonlyArray<ReadonlyArray<{ readonly validate?: string | undefined }>>): TagCheck[] {
  const alternatives = tags.map((set) => set.flatMap((tag) => (tag.validate === undefined ? [] : [`(${tag.validate})`])));
  if (alternatives.length === 0 || alternatives.some((set) => set.length === 0)) return [];
  if (alternatives.length === 1) return alternatives[0]!;
  return [alternatives.map((set) => `(${set.join(' && ')})`).join(' || ')];
}

function propertyKey(key: MetadataSchema, where: string): string {
  const constant = key.constants[0];
  const value = constant?.values[0]?.value;
  if (key.size() !== 1 || constant?.values.length !== 1 || typeof value !== 'string') {
    throw new Error(`${where}: only fixed string property names are supported (no index signatures)`);
  }
  return value;
}

function toWireType(meta: MetadataSchema, where: string): WireType {
  const refuse = (why: string): never => {
    throw new Error(`${where}: ${why}; the encoder generator supports required strings, numbers, booleans, arrays and plain objects`);
  };
  if (meta.any || !meta.required || meta.optional || meta.nullable) refuse('optional, nullable or any');
  if (meta.size() !== 1) refuse(`a union or unsupported type (${meta.getName()})`);
  const [atomic] = meta.atomics;
  if (atomic !== undefined) {
    const checks = tagChecks(atomic.tags);
    if (atomic.type === 'string') return { kind: 'string', checks };
    if (atomic.type === 'boolean') return checks.length === 0 ? { kind: 'boolean' } : refuse('a tagged boolean');
    if (atomic.type === 'number') {
      // With a single tag set that includes uint32, every accepted value prints as plain digits.
      const unsignedInteger = atomic.tags.length === 1 && atomic.tags[0]!.some((t) => t.kind === 'type' && t.value === 'uint32');
      return { kind: 'number', checks, unsignedInteger };
    }
    return refuse(`a ${atomic.type}`);
  }
  const [array] = meta.arrays;
  if (array !== undefined) {
    return { kind: 'array', element: toWireType(array.type.value, `${where}[]`), checks: tagChecks(array.tags) };
  }
  const [object] = meta.objects;
  if (object !== undefined) {
    if (object.tags.length !== 0) refuse('an object with type tags');
    if (object.type.recursive) refuse('a recursive type');
    const properties: WireProperty[] = object.type.properties.map((property) => {
      const key = propertyKey(property.key, `${where}.${object.type.name}`);
      return { key, value: toWireType(property.value, `${where}.${key}`) };
    });
    return { kind: 'object', name: object.type.name, properties };
  }
  return refuse(`an unsupported type (${meta.getName()})`);
}
