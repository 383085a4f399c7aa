// @herald/publisher/testing: the test double, the real pipeline on an in-memory transport. Importing
// it never loads the native Kafka client.
export { InMemoryPublisher } from './in-memory-publisher.js';
export type { InMemoryPublisherOptions, PublishedRecord, SentRecord } from './in-memory-publisher.js';
export { createInMemoryTransport, kafkaFailures } from './in-memory-transport.js';
export type { InMemoryTransportOptions, KafkaFailureName, TransportRecord } from './in-memory-transport.js';
