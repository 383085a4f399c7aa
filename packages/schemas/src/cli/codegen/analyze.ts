// Reads a message type through typia's own metadata analyser, so the generated encoder checks
// exactly the tags typia's validators check, and refuses what it cannot write exactly.
import { relative } from 'node:path';
import { MetadataCollection, MetadataFactory } from '@typia/core';
import type { MetadataObject, MetadataSchema } from '@typia/core';
import ts from 'typescript';
import { UsageError } from '../usage-error.js';
import type { Literal, TagCheck, WireBranch, WireObject, WireProperty, WireType } from './wire-type.js';

/** A message type located in a program: what every generator starts from. */
export interface AnalysedType {
  readonly metadata: MetadataSchema;
  readonly wire: WireType;
}

/** How a type is read. */
export interface AnalyseOptions {
  /** Open content model for every object of the type. @defaultValue false */
  readonly openContent?: boolean;
}

/** Creates the program for a tsconfig, plus `extraRoots` (e.g. a contract source outside its `include`). */
export function createProgram(
  tsconfigPath: string,
  extraRoots: readonly string[] = [],
  host?: ts.CompilerHost,
): ts.Program {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    tsconfigPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new UsageError(`${tsconfigPath}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
      },
    },
  );
  if (parsed === undefined) throw new UsageError(`${tsconfigPath}: cannot read the tsconfig`);
  const rootNames = [...new Set([...parsed.fileNames, ...extraRoots])];
  return ts.createProgram({
    rootNames,
    options: { ...parsed.options, noEmit: true },
    ...(host === undefined ? {} : { host }),
  });
}

/** Analyses the exported type `typeName` of `file`. Throws {@link UsageError} naming the property it cannot encode. */
export function analyseType(
  program: ts.Program,
  file: string,
  typeName: string,
  options: AnalyseOptions = {},
): AnalysedType {
  const shown = relative(process.cwd(), file) || file;
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  if (source === undefined)
    throw new UsageError(`${shown}: file not found in the program (check \`source\` and the tsconfig)`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  const exported = moduleSymbol?.exports?.get(ts.escapeLeadingUnderscores(typeName));
  if (exported === undefined) throw new UsageError(`${shown}: does not export a type named ${typeName}`);
  const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
  const result = MetadataFactory.analyze({
    checker,
    transformer: undefined,
    options: { absorb: true, constant: true, escape: false },
    components: new MetadataCollection({ replace: MetadataCollection.replace }),
    type: checker.getDeclaredTypeOfSymbol(symbol),
  });
  if (!result.success) {
    const first = result.errors[0];
    const path = first?.explore.object === null || first === undefined ? '' : ` (${first.explore.object.name})`;
    throw new UsageError(
      `${shown}: ${typeName}${path}: typia cannot analyse it: ${result.errors.flatMap((e) => e.messages).join('; ')}`,
    );
  }
  const wire = new Reader(shown, options.openContent ?? false).value(result.data, typeName);
  return { metadata: result.data, wire };
}

function tagChecks(tags: ReadonlyArray<ReadonlyArray<{ readonly validate?: string | undefined }>>): TagCheck[] {
  const alternatives = tags.map((set) =>
    set.flatMap((tag) => (tag.validate === undefined ? [] : [`(${tag.validate})`])),
  );
  if (alternatives.length === 0 || alternatives.some((set) => set.length === 0)) return [];
  if (alternatives.length === 1) return alternatives[0]!;
  return [alternatives.map((set) => `(${set.join(' && ')})`).join(' || ')];
}

const SUPPORTED =
  'supported: string, number, boolean, literal unions, T | null, optional properties, arrays, objects, Record<string, T>, unions of objects with a literal tag';

class Reader {
  constructor(
    private readonly file: string,
    private readonly open: boolean,
  ) {}

  private refuse(where: string, why: string): never {
    throw new UsageError(`${this.file}: ${where}: ${why} (${SUPPORTED})`);
  }

  /** A value that must be present (not `undefined`). */
  value(meta: MetadataSchema, where: string): WireType {
    if (!meta.isRequired())
      this.refuse(where, 'may be undefined here, which JSON cannot carry (only object properties may be optional)');
    return this.present(meta, where);
  }

  private present(meta: MetadataSchema, where: string): WireType {
    if (meta.any) this.refuse(where, `${meta.getName()} has no fixed shape`);
    const inner = this.nonNull(meta, where);
    return meta.nullable ? { kind: 'nullable', value: inner } : inner;
  }

  private nonNull(meta: MetadataSchema, where: string): WireType {
    if (meta.escaped !== null || meta.natives.length > 0)
      this.refuse(where, `${meta.getName()} is a class or has toJSON; declare the JSON shape it is sent as`);
    if (meta.functions.length > 0 || meta.sets.length > 0 || meta.maps.length > 0)
      this.refuse(where, `${meta.getName()} has no JSON form`);
    if (meta.tuples.length > 0) this.refuse(where, 'tuples are not supported; use an object');
    if (meta.templates.length > 0)
      this.refuse(where, 'template literal types are not supported; use string & tags.Pattern<…>');
    if (meta.aliases.length > 0)
      this.refuse(where, `${meta.getName()} is recursive, which the encoder cannot write in one pass`);
    if (meta.atomics.some((a) => a.type === 'bigint') || meta.constants.some((c) => c.type === 'bigint')) {
      this.refuse(
        where,
        'bigint is not supported (JSON.stringify throws on it); send it as string & tags.Pattern<"^-?\\\\d+$">',
      );
    }
    if (meta.objects.length > 1 && meta.size() === meta.objects.length)
      return this.union(meta.objects, where, meta.getName());
    if (meta.constants.length > 0 && meta.size() === meta.constants.reduce((n, c) => n + c.values.length, 0)) {
      if (meta.constants.some((c) => c.values.some((v) => (v.tags?.length ?? 0) > 0)))
        this.refuse(where, 'a literal with type tags');
      return { kind: 'literal', values: meta.constants.flatMap((c) => c.values.map((v) => v.value as Literal)) };
    }
    if (meta.size() !== 1)
      this.refuse(where, `the union ${meta.getName()} is not a literal union or a union of objects with a literal tag`);
    const [atomic] = meta.atomics;
    if (atomic !== undefined) {
      const checks = tagChecks(atomic.tags);
      if (atomic.type === 'string') return { kind: 'string', checks };
      if (atomic.type === 'boolean')
        return checks.length === 0 ? { kind: 'boolean' } : this.refuse(where, 'a tagged boolean');
      if (atomic.type === 'number') {
        // With a single tag set that includes uint32, every accepted value prints as plain digits.
        const unsignedInteger =
          atomic.tags.length === 1 && atomic.tags[0]!.some((t) => t.kind === 'type' && t.value === 'uint32');
        return { kind: 'number', checks, unsignedInteger };
      }
      return this.refuse(where, `a ${atomic.type}`);
    }
    const [array] = meta.arrays;
    if (array !== undefined) {
      if (array.type.recursive)
        this.refuse(where, `${array.type.name} is recursive, which the encoder cannot write in one pass`);
      return { kind: 'array', element: this.value(array.type.value, `${where}[]`), checks: tagChecks(array.tags) };
    }
    const [object] = meta.objects;
    if (object !== undefined) return this.objectOrRecord(object, where);
    return this.refuse(where, `${meta.getName()} is not supported`);
  }

  private objectOrRecord(object: MetadataObject, where: string): WireObject | Extract<WireType, { kind: 'record' }> {
    if (object.tags.length !== 0) this.refuse(where, 'an object with type tags');
    if (object.type.recursive)
      this.refuse(where, `${object.type.name} is recursive, which the encoder cannot write in one pass`);
    const fixed = object.type.properties.filter((p) => p.key.isSoleLiteral());
    const dynamic = object.type.properties.filter((p) => !p.key.isSoleLiteral());
    if (dynamic.length > 0) {
      const [entry] = dynamic;
      const plainKey =
        entry!.key.size() === 1 && entry!.key.atomics[0]?.type === 'string' && entry!.key.atomics[0].tags.length === 0;
      if (fixed.length > 0 || dynamic.length > 1 || !plainKey)
        this.refuse(where, 'index signatures other than a plain Record<string, T>');
      if (!entry!.value.isRequired()) {
        // JSON.stringify drops undefined values, the validator accepts them: both agree, but the
        // type then says less than the wire; ask for Record<string, T>.
        this.refuse(`${where}[string]`, 'record values may be undefined; use Record<string, T>');
      }
      return { kind: 'record', name: object.type.name, value: this.value(entry!.value, `${where}[string]`) };
    }
    return this.object(object, where);
  }

  private object(object: MetadataObject, where: string): WireObject {
    const properties: WireProperty[] = object.type.properties.map((property) => {
      const key = property.key.constants[0]!.values[0]!.value;
      if (typeof key !== 'string') this.refuse(where, 'only string property names are supported');
      const path = `${where}.${key}`;
      const optional = !property.value.isRequired();
      return { key, optional, value: optional ? this.present(property.value, path) : this.value(property.value, path) };
    });
    return { kind: 'object', name: object.type.name, properties, open: this.open };
  }

  private union(objects: readonly MetadataObject[], where: string, name: string): WireType {
    const shapes = objects.map((o) => this.objectOrRecord(o, where));
    if (shapes.some((s) => s.kind !== 'object')) this.refuse(where, `the union ${name} mixes records and objects`);
    const branches = shapes as WireObject[];
    const literals = (object: WireObject, key: string): readonly Literal[] | undefined => {
      const property = object.properties.find((p) => p.key === key);
      return property !== undefined && !property.optional && property.value.kind === 'literal'
        ? property.value.values
        : undefined;
    };
    for (const candidate of branches[0]!.properties.map((p) => p.key)) {
      const sets = branches.map((b) => literals(b, candidate));
      if (sets.some((s) => s === undefined)) continue;
      const all = sets.flatMap((s) => s!);
      if (new Set(all).size !== all.length) continue;
      const wire: WireBranch[] = branches.map((object, i) => ({ tags: sets[i]!, object }));
      return { kind: 'union', name, tag: candidate, branches: wire };
    }
    return this.refuse(
      where,
      `the union ${name} has no discriminating property (a required literal that differs in every branch)`,
    );
  }
}
