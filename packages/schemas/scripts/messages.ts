// Every message version the package publishes. Add a line here when adding a version; then run
// `pnpm --filter @herald/schemas generate`.

/** One message version: where its type lives and what is generated from it. */
export interface MessageVersion {
  /** The exported type, e.g. `OrderEventMessage`. */
  readonly typeName: string;
  /** Its file, relative to the package root. */
  readonly sourceFile: string;
  /** Kebab-case file stem shared by the generated files, e.g. `order-event.v1`. */
  readonly stem: string;
  /** Suffix of the generated functions, e.g. `OrderEventMessageV1` → `writeOrderEventMessageV1`. */
  readonly exportName: string;
  /** The JSON Schema `$id`, also the CloudEvents `dataschema`. */
  readonly schemaId: string;
}

/** The published message versions, in the order their files are generated. */
export const messageVersions: readonly MessageVersion[] = [
  {
    typeName: 'OrderEventMessage',
    sourceFile: 'src/order/order-event.v1.ts',
    stem: 'order-event.v1',
    exportName: 'OrderEventMessageV1',
    schemaId: 'urn:herald:schema:order-event:v1',
  },
];
