import { presets } from '@herald/publisher';
import type { PresetName } from '@herald/publisher';

/** Compression codecs every contender understands. */
export type Compression = 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd';

/** The producer settings a benchmark runs with: what the reports compare across contenders. */
export interface ProducerSettings {
  /** `acks`: 'all' (-1), 1 or 0. */
  readonly acks: 'all' | 1 | 0;
  /** `enable.idempotence`. */
  readonly idempotence: boolean;
  readonly compression: Compression;
  /** `linger.ms`. */
  readonly lingerMs: number;
  /** `batch.size` in bytes; undefined keeps the client's default. */
  readonly batchSize?: number | undefined;
}

/** What the issue calls reliable settings: acks=all, idempotence, snappy, linger.ms 5. */
export const RELIABLE: ProducerSettings = { acks: 'all', idempotence: true, compression: 'snappy', lingerMs: 5 };

/** The settings a Herald preset stands for, read from the publisher's own preset table. */
export function presetSettings(name: PresetName): ProducerSettings {
  const p = presets[name];
  const acks = p['acks'];
  const batch = p['batch.size'];
  return {
    acks: acks === 'all' || acks === -1 || acks === '-1' ? 'all' : acks === 1 || acks === '1' ? 1 : 0,
    idempotence: p['enable.idempotence'] === true,
    compression: (p['compression.type'] ?? 'none') as Compression,
    lingerMs: Number(p['linger.ms'] ?? 5),
    batchSize: batch === undefined ? undefined : Number(batch),
  };
}

/**
 * librdkafka properties for `settings` on top of the reliable preset's other choices
 * (max.in.flight 5, murmur2_random, message.timeout.ms), so bare native loops run like Herald.
 */
export function rdkafkaConfig(settings: ProducerSettings): Record<string, string | number | boolean> {
  const { 'allow.auto.create.topics': _a, 'topic.metadata.propagation.max.ms': _t, ...reliable } = presets.reliable;
  return {
    ...reliable,
    acks: settings.acks === 'all' ? 'all' : settings.acks,
    'enable.idempotence': settings.idempotence,
    'compression.type': settings.compression,
    'linger.ms': settings.lingerMs,
    ...(settings.batchSize === undefined ? {} : { 'batch.size': settings.batchSize }),
  };
}

/** `acks=all idempotence=on snappy linger=5ms` for tables. */
export function describeSettings(s: ProducerSettings): string {
  const batch = s.batchSize === undefined ? '' : ` batch=${s.batchSize}`;
  return `acks=${s.acks} idempotence=${s.idempotence ? 'on' : 'off'} ${s.compression} linger=${s.lingerMs}ms${batch}`;
}
