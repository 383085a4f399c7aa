import { randomUUID } from 'node:crypto';

const SOURCE = '/herald/bench';
const TYPE = 'com.herald.order.created.v1';
const SCHEMA = 'urn:herald:schema:order-event:v1';

/**
 * The CloudEvents headers Herald attaches, built the naive way (an object per message, a fresh
 * UUID and timestamp): what the baselines send so every contender ships the same header bytes.
 */
export function naiveCloudEventHeaders(): Record<string, string> {
  return {
    ce_specversion: '1.0',
    ce_id: randomUUID(),
    ce_source: SOURCE,
    ce_type: TYPE,
    ce_time: new Date().toISOString(),
    'content-type': 'application/json',
    ce_dataschema: SCHEMA,
  };
}

/** The same headers in the native binding's shape: one single-property object per header. */
export function naiveNativeHeaders(): Array<Record<string, string>> {
  const h = naiveCloudEventHeaders();
  return Object.keys(h).map((name) => ({ [name]: h[name]! }));
}
