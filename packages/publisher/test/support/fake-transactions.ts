// A transactional transport the unit tests drive: it acks every record on the next microtask and
// answers init/begin/commit/abort as told. It stands in for the producer, not for Kafka.
import type {
  TransactionFailure,
  Transport,
  TransportContext,
  TransportFactory,
  WireHeaders,
} from '../../src/index.js';

type Answer = 'ok' | Partial<TransactionFailure>;

export class FakeTransactionalTransport implements Transport {
  readonly context: TransportContext;
  readonly calls: string[] = [];
  readonly produced: Array<{
    topic: string;
    value: string;
    key: string | Buffer | null;
    headers: WireHeaders | undefined;
  }> = [];
  /** Answers for the next calls of each operation (default 'ok'). */
  readonly answers: Record<'init' | 'begin' | 'commit' | 'abort', Answer[]> = {
    init: [],
    begin: [],
    commit: [],
    abort: [],
  };
  /** Kafka codes for the deliveries of the next records (default 0: acked). */
  readonly deliveryCodes: number[] = [];
  disconnected = false;
  #offset = 0;

  constructor(context: TransportContext) {
    this.context = context;
  }

  get transactionalId(): string {
    return String(this.context.config['transactional.id']);
  }

  connect(): Promise<void> {
    return Promise.resolve();
  }

  produce(
    topic: string,
    value: Buffer,
    key: string | Buffer | null,
    headers: WireHeaders | undefined,
    id: number,
  ): number {
    this.produced.push({ topic, value: value.toString(), key, headers });
    const code = this.deliveryCodes.shift() ?? 0;
    const offset = this.#offset++;
    queueMicrotask(() =>
      this.context.events.delivery(
        id,
        code === 0 ? null : { code, name: `ERR_${code}`, message: 'failed' },
        code === 0 ? 0 : -1,
        code === 0 ? offset : -1,
        undefined,
      ),
    );
    return 0;
  }

  flush(): Promise<void> {
    return Promise.resolve();
  }

  disconnect(): Promise<void> {
    this.disconnected = true;
    return Promise.resolve();
  }

  codeName(code: number): string {
    return `ERR_${code}`;
  }

  readonly transactions = {
    init: () => this.#answer('init'),
    begin: () => this.#answer('begin'),
    commit: () => this.#answer('commit'),
    abort: () => this.#answer('abort'),
  };

  #answer(op: 'init' | 'begin' | 'commit' | 'abort'): Promise<void> {
    this.calls.push(op);
    const answer = this.answers[op].shift() ?? 'ok';
    if (answer === 'ok') return Promise.resolve();
    const failure = {
      code: -1,
      name: 'ERR',
      message: `${op} failed`,
      fatal: false,
      retriable: false,
      abortable: false,
      ...answer,
    };
    return Promise.reject(Object.assign(new Error(failure.message), failure));
  }
}

/** A factory that keeps every transport it made, newest last. */
export function fakeTransactionalTransports(setup?: (t: FakeTransactionalTransport) => void) {
  const all: FakeTransactionalTransport[] = [];
  const factory: TransportFactory = (context) => {
    const t = new FakeTransactionalTransport(context);
    setup?.(t);
    all.push(t);
    return t;
  };
  return { factory, all };
}
