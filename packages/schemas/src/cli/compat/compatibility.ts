// Compatibility modes as Confluent Schema Registry defines them, over a subject's schema versions:
// BACKWARD (a reader on the new schema reads data written with the previous one), FORWARD (a
// reader on the previous schema reads new data), FULL (both); the *_TRANSITIVE forms check
// against every earlier version instead of the latest one.
import { CHANGE_KINDS } from './difference.js';
import type { Difference } from './difference.js';
import { diffSchemas } from './schema-diff.js';

export const MODES = [
  'BACKWARD',
  'FORWARD',
  'FULL',
  'BACKWARD_TRANSITIVE',
  'FORWARD_TRANSITIVE',
  'FULL_TRANSITIVE',
  'NONE',
] as const;

/** A compatibility mode. */
export type Mode = (typeof MODES)[number];

/** One incompatible change, and which direction it breaks. */
export interface Incompatibility extends Difference {
  /** `backward`: the new schema cannot read old data; `forward`: the old schema cannot read new data. */
  readonly direction: 'backward' | 'forward';
}

/** Every incompatible change between `previous` and `next` under `mode` (transitivity aside). */
export function incompatibilities(previous: object, next: object, mode: Mode): Incompatibility[] {
  const base = mode.replace('_TRANSITIVE', '');
  const out: Incompatibility[] = [];
  if (base === 'BACKWARD' || base === 'FULL') {
    for (const d of diffSchemas(previous, next)) if (!CHANGE_KINDS[d.kind]) out.push({ ...d, direction: 'backward' });
  }
  if (base === 'FORWARD' || base === 'FULL') {
    // The old schema as reader of new data is the backward check with the roles swapped.
    for (const d of diffSchemas(next, previous)) if (!CHANGE_KINDS[d.kind]) out.push({ ...d, direction: 'forward' });
  }
  return out;
}

/** The versions `next` is checked against: the latest earlier one, or all of them for *_TRANSITIVE. */
export function versionsToCheck<T>(earlier: readonly T[], mode: Mode): readonly T[] {
  if (mode === 'NONE' || earlier.length === 0) return [];
  return mode.endsWith('_TRANSITIVE') ? earlier : [earlier[earlier.length - 1]!];
}
