/** A named bundle of producer settings; every value can be overridden. */
export type PresetName = 'reliable' | 'lowLatency' | 'highThroughput';

// Every preset: a typo in a topic name fails with UNKNOWN_TOPIC instead of creating a topic
// (librdkafka's producer default would let the broker auto-create it), and fails within 10 s
// rather than librdkafka's 30 s wait for the topic to appear.
const common = { 'allow.auto.create.topics': false, 'topic.metadata.propagation.max.ms': 10_000 } as const;

/** The librdkafka settings each preset sets; all keep acks=all and idempotence. */
export const presets: Readonly<Record<PresetName, Readonly<Record<string, string | number | boolean>>>> = {
  // max.in.flight 5 keeps order with idempotence (1 is not needed); murmur2_random hashes keys the
  // way the Java client does, so every producer of a topic puts a key on the same partition.
  reliable: {
    ...common,
    acks: 'all',
    'enable.idempotence': true,
    'compression.type': 'snappy',
    'linger.ms': 5,
    'max.in.flight.requests.per.connection': 5,
    partitioner: 'murmur2_random',
    'message.timeout.ms': 120_000,
  },
  lowLatency: {
    ...common,
    acks: 'all',
    'enable.idempotence': true,
    'compression.type': 'snappy',
    'linger.ms': 0,
    'batch.size': 16_384,
    'max.in.flight.requests.per.connection': 5,
    partitioner: 'murmur2_random',
    'message.timeout.ms': 120_000,
  },
  highThroughput: {
    ...common,
    acks: 'all',
    'enable.idempotence': true,
    'compression.type': 'lz4',
    'linger.ms': 100,
    'batch.size': 131_072,
    'max.in.flight.requests.per.connection': 5,
    partitioner: 'murmur2_random',
    'message.timeout.ms': 120_000,
  },
};
