// The kinds of change between two JSON Schemas, named after Confluent Schema Registry's
// `Difference.Type` (JsonSchemaDiff), and whether each keeps a new reader able to read old data.

/** Each change kind and whether it is compatible for a reader on the new schema reading old data. */
export const CHANGE_KINDS = {
  TYPE_EXTENDED: true,
  TYPE_NARROWED: false,
  TYPE_CHANGED: false,
  ENUM_ARRAY_EXTENDED: true,
  ENUM_ARRAY_NARROWED: false,
  ENUM_ARRAY_CHANGED: false,
  CONST_CHANGED: false,
  MAX_LENGTH_ADDED: false,
  MAX_LENGTH_REMOVED: true,
  MAX_LENGTH_INCREASED: true,
  MAX_LENGTH_DECREASED: false,
  MIN_LENGTH_ADDED: false,
  MIN_LENGTH_REMOVED: true,
  MIN_LENGTH_INCREASED: false,
  MIN_LENGTH_DECREASED: true,
  PATTERN_ADDED: false,
  PATTERN_REMOVED: true,
  PATTERN_CHANGED: false,
  FORMAT_ADDED: false,
  FORMAT_REMOVED: true,
  FORMAT_CHANGED: false,
  MAXIMUM_ADDED: false,
  MAXIMUM_REMOVED: true,
  MAXIMUM_INCREASED: true,
  MAXIMUM_DECREASED: false,
  MINIMUM_ADDED: false,
  MINIMUM_REMOVED: true,
  MINIMUM_INCREASED: false,
  MINIMUM_DECREASED: true,
  EXCLUSIVE_MAXIMUM_ADDED: false,
  EXCLUSIVE_MAXIMUM_REMOVED: true,
  EXCLUSIVE_MAXIMUM_INCREASED: true,
  EXCLUSIVE_MAXIMUM_DECREASED: false,
  EXCLUSIVE_MINIMUM_ADDED: false,
  EXCLUSIVE_MINIMUM_REMOVED: true,
  EXCLUSIVE_MINIMUM_INCREASED: false,
  EXCLUSIVE_MINIMUM_DECREASED: true,
  MULTIPLE_OF_ADDED: false,
  MULTIPLE_OF_REMOVED: true,
  MULTIPLE_OF_REDUCED: true,
  MULTIPLE_OF_EXPANDED: false,
  MULTIPLE_OF_CHANGED: false,
  MAX_ITEMS_ADDED: false,
  MAX_ITEMS_REMOVED: true,
  MAX_ITEMS_INCREASED: true,
  MAX_ITEMS_DECREASED: false,
  MIN_ITEMS_ADDED: false,
  MIN_ITEMS_REMOVED: true,
  MIN_ITEMS_INCREASED: false,
  MIN_ITEMS_DECREASED: true,
  UNIQUE_ITEMS_ADDED: false,
  UNIQUE_ITEMS_REMOVED: true,
  REQUIRED_ATTRIBUTE_ADDED: false,
  REQUIRED_ATTRIBUTE_REMOVED: true,
  REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL: false,
  OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL: true,
  PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL: false,
  PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL: false,
  PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL: true,
  ADDITIONAL_PROPERTIES_ADDED: true,
  ADDITIONAL_PROPERTIES_REMOVED: false,
  SUM_TYPE_EXTENDED: true,
  SUM_TYPE_NARROWED: false,
} as const satisfies Record<string, boolean>;

/** One kind of change, e.g. `REQUIRED_ATTRIBUTE_ADDED`. */
export type ChangeKind = keyof typeof CHANGE_KINDS;

/** One change found between two schemas, at a JSON pointer into the schema (`#/properties/email`). */
export interface Difference {
  readonly kind: ChangeKind;
  readonly path: string;
}

/** Whether a change keeps a reader on the new schema able to read data written with the old one. */
export function isBackwardCompatible(kind: ChangeKind): boolean {
  return CHANGE_KINDS[kind];
}
