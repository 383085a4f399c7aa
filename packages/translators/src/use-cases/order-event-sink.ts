import type { OrderEventMessage } from '@herald/schemas';

/**
 * Where the use case publishes order events: the publisher port. `EventPublisher<OrderEventMessage>`
 * of `@herald/publisher` satisfies it as it is (keying by `order_id` is the publisher's job), and
 * so does its `InMemoryPublisher` (`@herald/publisher/testing`); translators do not depend on the publisher package.
 */
export interface OrderEventSink {
  /** Publishes one message; resolves once it is delivered, rejects when it is not. */
  publish(
    message: OrderEventMessage,
    options?: { readonly headers?: Readonly<Record<string, string>> },
  ): Promise<unknown>;
  /** Resolves when everything published so far is delivered, or rejects at `timeoutMs`. */
  flush(timeoutMs?: number): Promise<void>;
}
