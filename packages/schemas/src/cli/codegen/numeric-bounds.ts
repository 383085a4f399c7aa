// typia's `Type<'int32'>` (and uint32, int64, uint64, float) checks a range, but its JSON Schema
// says only `type: integer` (`minimum: 0` for the unsigned ones): a Python or Java consumer would
// accept 2^31 where the codec refuses it. This writes the range the validator checks into the
// schema of every such tag, combined with the row's own `Minimum`/`Maximum` so the tighter bound
// wins whatever order typia merges them in.
import type { MetadataSchema } from '@typia/core';
import type { IMetadataTypeTag } from '@typia/interface';

/** The inclusive range typia's `_isType*` helper checks for each numeric type tag (its constants). */
const RANGES: Readonly<Record<string, readonly [number, number]>> = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  uint32: [0, 2 ** 32 - 1],
  int64: [-(2 ** 63), 2 ** 63 - 1],
  uint64: [0, 2 ** 64 - 1],
  float: [-1.175494351e38, 3.4028235e38],
};

/** The row with its type tag's range in the schema, and one agreed `minimum` and `maximum`. */
function boundedRow(row: readonly IMetadataTypeTag[]): IMetadataTypeTag[] {
  const range = row.map((t) => (t.kind === 'type' ? RANGES[String(t.value)] : undefined)).find((r) => r !== undefined);
  if (range === undefined) return [...row];
  let minimum = range[0];
  let maximum = range[1];
  for (const tag of row) {
    if (tag.kind === 'minimum' && typeof tag.value === 'number') minimum = Math.max(minimum, tag.value);
    if (tag.kind === 'maximum' && typeof tag.value === 'number') maximum = Math.min(maximum, tag.value);
  }
  // New tag objects: the same tag object may sit in rows with other bounds.
  return row.map((tag) => {
    if (tag.kind === 'type' && RANGES[String(tag.value)] !== undefined)
      return { ...tag, schema: { ...tag.schema, minimum, maximum } };
    if (tag.kind === 'minimum') return { ...tag, schema: { minimum } };
    if (tag.kind === 'maximum') return { ...tag, schema: { maximum } };
    return tag;
  });
}

/**
 * Rewrites, in place, the JSON Schema part of every numeric type tag reachable from `schema` (the
 * validators and the encoder read `validate`, never `schema`). Idempotent.
 */
export function boundNumericTypeTags(schema: MetadataSchema, seen = new Set<object>()): void {
  if (seen.has(schema)) return;
  seen.add(schema);
  for (const atomic of schema.atomics) {
    if (atomic.type !== 'number') continue;
    atomic.tags.forEach((row, i) => {
      atomic.tags[i] = boundedRow(row);
    });
  }
  const children: MetadataSchema[] = [
    ...schema.objects.flatMap((o) => o.type.properties.flatMap((p) => [p.key, p.value])),
    ...schema.arrays.map((a) => a.type.value),
    ...schema.aliases.map((a) => a.type.value),
    ...(schema.rest === null ? [] : [schema.rest]),
    ...(schema.escaped === null ? [] : [schema.escaped.original, schema.escaped.returns]),
  ];
  for (const child of children) boundNumericTypeTags(child, seen);
}
