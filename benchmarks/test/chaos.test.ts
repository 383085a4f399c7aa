// The CI subset of the reliability catalogue (one scenario per failure class, `herald-bench chaos
// --ci`), on the dedicated chaos cluster (127.0.0.1:19392,29392,39392) and the fault node: every
// scenario must end with nothing lost, duplicated, reordered or unsettled, and acks resumed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureKafka } from '../../scripts/kafka/kafka.mjs';
import type { KafkaHandle } from '../../scripts/kafka/kafka.mjs';
import { CATALOGUE } from '../src/chaos/catalogue.js';
import { runCatalogue } from '../src/chaos/chaos-command.js';
import { VARIANTS } from '../src/chaos/variants.js';
import { lockFaultBroker } from '../../test-support/fault-lock.js';

const external = process.env['KAFKA_BROKERS'] !== undefined;
let releaseLock: (() => void) | undefined;
let brokers: KafkaHandle[] = [];
beforeAll(async () => {
  if (external) return;
  releaseLock = await lockFaultBroker(900_000);
  // Started once here (or reused, e.g. from scripts/test.sh), so each scenario's run reuses them.
  brokers = await Promise.all([ensureKafka({ mode: 'chaos', log: false }), ensureKafka({ mode: 'fault', log: false })]);
}, 900_000);
afterAll(async () => {
  for (const b of brokers) await b.stop();
  releaseLock?.();
});

// An external cluster (KAFKA_BROKERS) is not ours to kill.
describe.skipIf(external)('reliability catalogue, CI subset', () => {
  const subset = CATALOGUE.filter((s) => s.ci);

  it.each(subset.map((s) => [s.name, s] as const))(
    '%s',
    async (_name, scenario) => {
      const lines: string[] = [];
      const [result] = await runCatalogue([scenario], VARIANTS.slice(0, 1), { rate: 1_000, log: (l) => lines.push(l) });
      // The whole row on failure says what went wrong: printed in full (the assertion's diff shows
      // only the mismatched fields, not the examples, problems and timeline).
      if (result?.pass !== true)
        console.error(`${scenario.name} failed:\n${JSON.stringify({ ...result, log: lines }, null, 2)}`);
      expect({ ...result, log: result?.pass ? [] : lines }).toMatchObject({
        lost: 0,
        duplicates: 0,
        reorderedKeys: 0,
        unsettled: 0,
        notWrittenButWritten: 0,
        readBackComplete: true,
        pass: true,
      });
      expect(result!.sent).toBeGreaterThanOrEqual(30_000);
      if (!scenario.allows.includes('unknown')) expect(result!.unknown).toBe(0);
      if (!scenario.allows.includes('not-written')) expect(result!.notWritten).toBe(0);
      expect(result!.recoveryMs).not.toBeNull();
    },
    600_000,
  );
});
