// Turns typia's JSON Schema collection (OpenAPI-style components) into one standalone JSON Schema
// 2020-12 document per message, which Python's jsonschema, Java's networknt or Go's
// santhosh-tekuri/jsonschema read without knowing about OpenAPI.
import { JsonSchemasProgrammer } from '@typia/core';
import type { MetadataSchema } from '@typia/core';
import { boundNumericTypeTags } from './numeric-bounds.js';

/** Identity of a published schema document. */
export interface SchemaDocumentInfo {
  /** The document's `$id`, also the CloudEvents `dataschema` of events carrying this message. */
  readonly id: string;
  readonly title: string;
  /** Open content model: objects do not get `additionalProperties: false`. */
  readonly openContent: boolean;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const COMPONENTS = '#/components/schemas/';

/** Rewrites component references to `$defs`, drops OpenAPI-only keywords, closes every object unless `open`. */
function normalise(node: Json, open: boolean): Json {
  if (Array.isArray(node)) return node.map((n) => normalise(n, open));
  if (node === null || typeof node !== 'object') return node;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) {
    // `readOnly` is an OpenAPI request/response hint, not a wire constraint.
    // `discriminator` is OpenAPI's; in JSON Schema `oneOf` with a `const` tag says the same.
    if (key === 'readOnly' || key === 'discriminator') continue;
    out[key] =
      key === '$ref' && typeof value === 'string' && value.startsWith(COMPONENTS)
        ? `#/$defs/${value.slice(COMPONENTS.length)}`
        : normalise(value, open);
  }
  // Closed codecs validate with typia's *equals* mode: a property the contract does not name is an error.
  if (!open && out['type'] === 'object' && out['additionalProperties'] === undefined)
    out['additionalProperties'] = false;
  return out;
}

/** The JSON Schema document for one message type, as checked-in text. */
export function emitJsonSchema(metadata: MetadataSchema, info: SchemaDocumentInfo): string {
  boundNumericTypeTags(metadata);
  const collection = JsonSchemasProgrammer.writeSchemas({ version: '3.1', metadatas: [metadata] }) as unknown as {
    components: { schemas?: Record<string, Json> };
    schemas: Json[];
  };
  const defs = collection.components.schemas ?? {};
  const root = collection.schemas[0];
  const rootRef = root !== null && typeof root === 'object' && !Array.isArray(root) ? root['$ref'] : undefined;
  const rootName =
    typeof rootRef === 'string' && rootRef.startsWith(COMPONENTS) ? rootRef.slice(COMPONENTS.length) : undefined;
  const rootSchema = rootName === undefined ? root : defs[rootName];
  if (rootSchema === undefined || rootSchema === null || typeof rootSchema !== 'object' || Array.isArray(rootSchema)) {
    throw new Error(`${info.title}: typia produced no root schema`);
  }
  const otherDefs = Object.fromEntries(
    Object.entries(defs)
      .filter(([name]) => name !== rootName)
      .map(([name, schema]) => [name, normalise(schema, info.openContent)]),
  );
  const document: { [key: string]: Json } = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: info.id,
    ...(normalise(rootSchema, info.openContent) as { [key: string]: Json }),
    title: info.title,
    ...(Object.keys(otherDefs).length === 0 ? {} : { $defs: otherDefs }),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
