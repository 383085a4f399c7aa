// Makes the local brokers available to every test project: reuses running ones (or KAFKA_BROKERS),
// starts what is missing, and stops at the end only what it started itself.
import type { TestProject } from 'vitest/node';
import { ensureKafka } from '../scripts/kafka/kafka.mjs';
import type {} from './brokers.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env['KAFKA_BROKERS'];
  const [single, cluster] = await Promise.all([
    ensureKafka({ mode: 'single' }),
    external === undefined ? ensureKafka({ mode: 'cluster' }) : undefined,
  ]);
  project.provide('kafka', { single: single.bootstrap, cluster: cluster?.bootstrap ?? '' });
  return async () => {
    await Promise.all([single.stop(), cluster?.stop()]);
  };
}
