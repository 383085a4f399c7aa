// Your own event contract, end to end: a type (contracts/invoice-issued.v1.ts), one line in
// herald.contracts.ts, `herald-schemas generate`, and the generated codec goes to the publisher
// like the bundled order codec. The CloudEvents id is derived from the event, so a re-publish of
// the same invoice carries the same ce_id and consumers de-duplicate it.
import { createPublisher } from '@herald/publisher';
import { SchemaValidationError, eventType, withCloudEvents } from '@herald/schemas';
import type { InvoiceIssued } from './contracts/invoice-issued.v1.js';
import { invoiceIssuedV1Codec } from './contracts/generated/invoice-issued.v1.codec.js';
import { brokers, ensureTopic } from './support/kafka.js';

const topic = 'herald-example-invoices';
await ensureTopic(topic, 1);

const codec = withCloudEvents(invoiceIssuedV1Codec, {
  source: '/examples/billing',
  type: eventType('invoice.issued', 1, { prefix: 'com.example' }),
  id: (invoice) => `invoice-${invoice.invoice_id}`,
  subject: (invoice) => invoice.customer_id,
});
const publisher = createPublisher<InvoiceIssued>({ brokers, topic, codec, key: (invoice) => invoice.customer_id });

const invoices: InvoiceIssued[] = [
  {
    invoice_id: 'inv-1001',
    issued_at: '2025-03-01T09:00:00Z',
    customer_id: 'c-7',
    currency: 'EUR',
    total: 1250,
    terms: { kind: 'net', days: 30 },
    purchase_order: 'PO-88',
  },
  {
    invoice_id: 'inv-1002',
    issued_at: '2025-03-01T09:05:00Z',
    customer_id: 'c-9',
    currency: 'GBP',
    total: 99.5,
    terms: { kind: 'on_receipt' },
    purchase_order: null,
    memo: 'Thank you!',
  },
];
for (const invoice of invoices) {
  const report = await publisher.publish(invoice);
  console.log(
    `${invoice.invoice_id} acked: ${report.topic}[${report.partition}]@${report.offset} ce_id=${codec.headers(invoice)['ce_id']}`,
  );
}

// Invalid events never reach Kafka: every issue, with its path; a union says which tags it allows.
try {
  await publisher.publish({
    ...invoices[0]!,
    invoice_id: 'inv-1003',
    currency: 'JPY',
    terms: { kind: 'net60' },
  } as unknown as InvoiceIssued);
} catch (error) {
  const issues = error instanceof Error && error.cause instanceof SchemaValidationError ? error.cause.issues : [];
  for (const issue of issues) console.log(`refused: ${issue.path}: expected ${issue.expected}`);
}
await publisher.close();
