// The native client is compiled here from its bundled librdkafka: prove the build has what Herald needs.
import kafka from '@confluentinc/kafka-javascript';
import { describe, expect, it } from 'vitest';

describe('native Kafka client build', () => {
  it('loads librdkafka 2.x', () => {
    expect(kafka.librdkafkaVersion).toMatch(/^2\.\d+\.\d+$/);
  });

  it.each(['snappy', 'lz4', 'zstd', 'ssl', 'sasl_scram'])('has the %s feature', (feature) => {
    expect(kafka.features).toContain(feature);
  });
});
