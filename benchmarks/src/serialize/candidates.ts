import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isOrderEventMessageV1, orderEventMessageV1Codec } from '@herald/schemas';
import type { OrderEventMessage } from '@herald/schemas';
import fastJson from 'fast-json-stringify';
import typia from 'typia';
import type { PaymentEvent } from './contracts/payment-event.v1.js';
import { paymentEventV1Codec } from './generated/payment-event.v1.codec.js';

/** One way to turn a message into (validated) JSON bytes. */
export interface Candidate<T = OrderEventMessage> {
  readonly name: string;
  /** Whether it validates the message before it is sent. */
  readonly validates: boolean;
  readonly encode: (message: T) => Buffer;
}

/** The baseline every ratio is relative to. */
export const BASELINE = 'JSON.stringify + Buffer.from';

const typiaStringify = typia.json.createStringify<OrderEventMessage>();
const typiaAssertStringify = typia.json.createAssertStringify<OrderEventMessage>();

// The contract other languages read (shipped by @herald/schemas): fast-json-stringify compiles its serializer from it.
const schemaFile = createRequire(import.meta.url).resolve('@herald/schemas/json-schema/order-event.v1.json');
const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as object;
const fjsStringify = fastJson(schema);

/** The candidates, baseline first. */
export const candidates: readonly Candidate[] = [
  { name: BASELINE, validates: false, encode: (m) => Buffer.from(JSON.stringify(m)) },
  { name: 'typia stringify + Buffer.from', validates: false, encode: (m) => Buffer.from(typiaStringify(m)) },
  { name: 'typia assertStringify + Buffer.from', validates: true, encode: (m) => Buffer.from(typiaAssertStringify(m)) },
  {
    name: 'typia equals + fast-json-stringify',
    validates: true,
    encode: (m) => {
      if (!isOrderEventMessageV1(m)) throw new TypeError('invalid order');
      return Buffer.from(fjsStringify(m));
    },
  },
  { name: 'herald codec.encode', validates: true, encode: (m) => orderEventMessageV1Codec.encode(m) },
  { name: 'herald codec.encodeTransient', validates: true, encode: (m) => orderEventMessageV1Codec.encodeTransient(m) },
];

const typiaPaymentAssert = typia.createAssertEquals<PaymentEvent>();

/** The candidates for the payment contract (optional, nullable, enum and union fields), baseline first. */
export const paymentCandidates: readonly Candidate<PaymentEvent>[] = [
  { name: BASELINE, validates: false, encode: (m) => Buffer.from(JSON.stringify(m)) },
  // typia's assertStringify writes this contract's bytes differently from JSON.stringify, so it is
  // no like-for-like candidate here; typia assert + JSON.stringify is the validating reference.
  {
    name: 'typia assert + JSON.stringify',
    validates: true,
    encode: (m) => Buffer.from(JSON.stringify(typiaPaymentAssert(m))),
  },
  { name: 'herald codec.encode', validates: true, encode: (m) => paymentEventV1Codec.encode(m) },
  { name: 'herald codec.encodeTransient', validates: true, encode: (m) => paymentEventV1Codec.encodeTransient(m) },
];
