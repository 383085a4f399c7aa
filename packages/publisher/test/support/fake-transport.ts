// A transport the unit tests drive by hand: it records what was produced and acks, fails or
// refuses on command. It stands in for the producer, not for Kafka's protocol.
import type { KafkaFailure, Transport, TransportContext, TransportFactory, WireHeaders } from '../../src/index.js';

export interface ProducedRecord {
  readonly id: number;
  readonly topic: string;
  readonly value: Buffer;
  readonly key: string | Buffer | null;
  readonly headers: WireHeaders | undefined;
}

export class FakeTransport implements Transport {
  readonly produced: ProducedRecord[] = [];
  /** Every value produced, as text, in order (acked ones too). */
  readonly history: string[] = [];
  readonly context: TransportContext;
  /** Codes `produce` returns next (one per call), e.g. -184 for queue full. */
  readonly produceCodes: number[] = [];
  connectBehaviour: 'ok' | 'hang' | Error = 'ok';
  disconnected = false;
  flushCalls = 0;
  purgeCalls = 0;
  #offset = 0;

  /**
   * Like librdkafka's purge: every record produced and not settled fails, a moment later, as
   * purged before it was sent (`delete t.purge` for a transport that cannot purge).
   */
  purge?: () => void = () => {
    this.purgeCalls += 1;
    const held = this.produced.splice(0);
    queueMicrotask(() => {
      for (const record of held)
        this.context.events.delivery(
          record.id,
          { code: -152, name: 'ERR__PURGE_QUEUE', message: 'Purged in queue', status: 'not-persisted' },
          -1,
          -1,
          undefined,
        );
    });
  };

  constructor(context: TransportContext) {
    this.context = context;
  }

  connect(): Promise<void> {
    if (this.connectBehaviour === 'hang') return new Promise(() => undefined);
    if (this.connectBehaviour instanceof Error) return Promise.reject(this.connectBehaviour);
    return Promise.resolve();
  }

  produce(
    topic: string,
    value: Buffer,
    key: string | Buffer | null,
    headers: WireHeaders | undefined,
    id: number,
  ): number {
    const code = this.produceCodes.shift() ?? 0;
    if (code === 0) {
      this.produced.push({ id, topic, value: Buffer.from(value), key, headers });
      this.history.push(value.toString());
    }
    return code;
  }

  flush(): Promise<void> {
    this.flushCalls += 1;
    return Promise.resolve();
  }

  disconnect(): Promise<void> {
    this.disconnected = true;
    return Promise.resolve();
  }

  codeName(code: number): string {
    return `ERR_${code}`;
  }

  /** Acks the oldest `n` produced records that are not settled yet. */
  ack(n = Infinity): void {
    for (const record of this.produced.splice(0, n)) {
      this.context.events.delivery(record.id, null, 0, this.#offset++, 1234);
    }
  }

  /** Fails the oldest produced record with `failure`. */
  fail(failure: Partial<KafkaFailure> & { code: number }): void {
    const record = this.produced.shift();
    if (record === undefined) throw new Error('nothing to fail');
    this.context.events.delivery(
      record.id,
      { name: `ERR_${failure.code}`, message: 'failed', ...failure },
      -1,
      -1,
      undefined,
    );
  }

  fatal(): void {
    this.context.events.fatal({ code: -150, name: 'ERR__FATAL', message: 'Fatal error: out of order sequence' });
  }
}

/** A transport factory that keeps every transport it made, newest last. */
export function fakeTransports(setup?: (t: FakeTransport) => void): {
  factory: TransportFactory;
  all: FakeTransport[];
  readonly last: FakeTransport;
} {
  const all: FakeTransport[] = [];
  return {
    factory: (context) => {
      const t = new FakeTransport(context);
      setup?.(t);
      all.push(t);
      return t;
    },
    all,
    get last() {
      const t = all.at(-1);
      if (t === undefined) throw new Error('no transport created yet');
      return t;
    },
  };
}

/** A logger that keeps every line, for asserting on what was logged. */
export function memoryLogger(): { lines: Array<{ level: string; message: string; meta: unknown }> } & Record<
  'error' | 'warn' | 'info' | 'debug',
  (m: string, meta?: unknown) => void
> {
  const lines: Array<{ level: string; message: string; meta: unknown }> = [];
  const at = (level: string) => (message: string, meta?: unknown) => void lines.push({ level, message, meta });
  return { lines, error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}

/** A codec over plain objects: rejects anything without a string `id`. */
export const jsonCodec = {
  encode(event: { id: string }): Buffer {
    if (typeof event?.id !== 'string') throw new TypeError('id must be a string');
    return Buffer.from(JSON.stringify(event));
  },
};
