/**
 * One event contract version for `herald-schemas generate`: an exported TypeScript type and what
 * to publish it as. Paths are relative to the declaration file.
 */
export interface ContractDeclaration {
  /** The exported type, e.g. `'CustomerRegistered'`. */
  readonly type: string;
  /** The file that exports {@link type}, e.g. `'src/events/customer-registered.ts'`. */
  readonly source: string;
  /** The contract version, a positive integer; part of the file names and the codec's `name`. */
  readonly version: number;
  /** The JSON Schema `$id`, also the CloudEvents `dataschema`, e.g. `'urn:acme:schema:customer-registered:v1'`. */
  readonly id: string;
  /**
   * File stem shared by the generated files.
   * @defaultValue the type in kebab case plus `.v<version>`, e.g. `'customer-registered.v1'`
   */
  readonly file?: string;
  /**
   * Suffix of the generated exports: `<name>Codec`, `create<Name>Codec`, `validate<Name>`, ….
   * @defaultValue the type plus `V<version>`, e.g. `'CustomerRegisteredV1'`
   */
  readonly exportName?: string;
  /**
   * Open content model: objects accept (and `encode` keeps) properties the type does not name,
   * and the JSON Schema leaves `additionalProperties` open. Closed objects are the default.
   * @defaultValue false
   */
  readonly openContent?: boolean;
}

/**
 * What a `herald.contracts.ts` file default-exports (`export default { … } satisfies
 * ContractsDeclaration`). It must be plain data: only `import type` lines, which compile away.
 */
export interface ContractsDeclaration {
  /**
   * The tsconfig whose program the types are read from.
   * @defaultValue 'tsconfig.json'
   */
  readonly tsconfig?: string;
  /** Where the encoder, validator and codec modules are written, e.g. `'src/generated'`. */
  readonly outDir: string;
  /**
   * Where the JSON Schemas are written.
   * @defaultValue {@link outDir}
   */
  readonly schemaDir?: string;
  /**
   * The module specifier generated code imports its run-time helpers from.
   * @defaultValue '@herald/schemas/runtime'
   */
  readonly runtime?: string;
  /** The contract versions, in the order their files are generated. */
  readonly contracts: readonly ContractDeclaration[];
}
