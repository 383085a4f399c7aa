// `herald-bench chaos` and `soak` command lines, the catalogue's shape, and the generated doc section.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../src/chaos/catalogue.js';
import { parseChaosArgs } from '../src/chaos/chaos-command.js';
import { renderReliabilitySection, writeReliabilityDoc } from '../src/chaos/reliability-doc.js';
import type { ScenarioResult } from '../src/chaos/run-scenario.js';
import { UsageError } from '../src/common/args.js';
import { heapSlope } from '../src/soak/heap-slope.js';
import { parseSoakArgs, soakReport } from '../src/soak/soak-command.js';

const dir = mkdtempSync(join(tmpdir(), 'herald-chaos-doc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('chaos catalogue and arguments', () => {
  it('names every scenario once, and the CI subset covers every failure class', () => {
    const names = CATALOGUE.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    const classes = new Set(CATALOGUE.map((s) => s.failureClass));
    const ciClasses = new Set(CATALOGUE.filter((s) => s.ci).map((s) => s.failureClass));
    // 'clean restart', 'lost replica' and 'single node down' are the gentler cases of the broker
    // crash the subset does run.
    for (const c of classes)
      if (!['clean restart', 'lost replica', 'single node down'].includes(c)) expect(ciClasses).toContain(c);
    for (const s of CATALOGUE) expect(s.minDurationMs).toBeGreaterThanOrEqual(30_000);
  });

  it('selects scenarios by name or --ci, and rejects unknown names and mixing both', () => {
    expect(parseChaosArgs(['two-down-short', 'broker-paused']).scenarios.map((s) => s.name)).toEqual([
      'two-down-short',
      'broker-paused',
    ]);
    expect(parseChaosArgs(['--ci']).scenarios.every((s) => s.ci)).toBe(true);
    expect(parseChaosArgs([]).scenarios).toHaveLength(CATALOGUE.length);
    expect(() => parseChaosArgs(['nope'])).toThrow(UsageError);
    expect(() => parseChaosArgs(['--ci', 'broker-paused'])).toThrow(/not both/);
    expect(() => parseChaosArgs(['--variant', 'warp-drive'])).toThrow(/unknown variant/);
    expect(parseChaosArgs(['--rate', '500']).rate).toBe(500);
  });
});

const result = (scenario: string, pass: boolean): ScenarioResult => ({
  scenario,
  title: scenario,
  failureClass: 'broker crash',
  variant: 'default',
  rate: 1000,
  seconds: 31.2,
  sent: 31200,
  acked: pass ? 31200 : 31100,
  notWritten: 0,
  unknown: 0,
  lost: pass ? 0 : 100,
  duplicates: 0,
  reorderedKeys: 0,
  unsettled: 0,
  notWrittenButWritten: 0,
  unknownWritten: 0,
  recoveryMs: 6400,
  errors: {},
  readBackComplete: true,
  highWaterMarks: {},
  examples: [],
  pass,
  problems: pass ? [] : ['the oracle found a defect'],
});

describe('docs/reliability.md generator', () => {
  it('replaces only the text between the markers with the table of the run', () => {
    const file = join(dir, 'reliability.md');
    writeFileSync(
      file,
      '# Title\n\nintro\n\n<!-- chaos-table:begin old -->\nstale\n<!-- chaos-table:end -->\n\ntail\n',
    );
    writeReliabilityDoc(file, {
      startedAt: '2026-12-01T00:00:00Z',
      command: 'herald-bench chaos',
      node: 'v20',
      results: [result('leader-hard-bounce', true), result('broker-paused', false)],
    });
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('# Title\n\nintro\n\n<!-- chaos-table:begin')).toBe(true);
    expect(text.endsWith('<!-- chaos-table:end -->\n\ntail\n')).toBe(true);
    expect(text).not.toContain('stale');
    expect(text).toContain(
      '| leader-hard-bounce | default | 31 | 31200 | 31200 | 0 | 0 | 0 | 0 | 0 | 0 | 6.4 | PASS |',
    );
    expect(text).toContain('broker-paused (default): the oracle found a defect');
    expect(text).toMatch(/\*\*leader-hard-bounce\*\*.*\n {2}Guarantees: /);
  });

  it('refuses a file without markers', () => {
    const file = join(dir, 'plain.md');
    writeFileSync(file, '# nothing here\n');
    expect(() => writeReliabilityDoc(file, { startedAt: '', command: '', node: '', results: [] })).toThrow(/markers/);
    expect(renderReliabilitySection({ startedAt: 'x', command: 'c', node: 'n', results: [] })).toContain(
      '| scenario |',
    );
  });
});

describe('soak', () => {
  const sample = (minute: number, heapMiB: number) => ({
    minute,
    heapMiB,
    rssMiB: 100,
    loopDelayP99Ms: 10,
    deliveryP99Ms: 20,
    acked: 5000,
    failed: 0,
  });

  it('fits the post-GC heap slope after warm-up and fails a growing heap', () => {
    const flat = [sample(0.1, 40), sample(1, 18), sample(2, 18.1), sample(3, 17.9), sample(4, 18)];
    expect(Math.abs(heapSlope(flat, 0.5))).toBeLessThan(0.05);
    const args = { minutes: 4, rate: 1000, warmupMinutes: 0.5, maxHeapSlope: 0.5 };
    expect(soakReport(args, flat).pass).toBe(true);
    const growing = [sample(1, 18), sample(2, 19), sample(3, 20), sample(4, 21)];
    expect(soakReport(args, growing)).toMatchObject({ pass: false, heapSlopeMiBPerMin: 1 });
  });

  it('reads its options and rejects bad ones', () => {
    expect(parseSoakArgs(['--minutes', '2', '--rate', '500'])).toMatchObject({
      minutes: 2,
      rate: 500,
      warmupMinutes: 0.5,
      maxHeapSlope: 0.5,
    });
    expect(() => parseSoakArgs(['--minutes', '0'])).toThrow(UsageError);
  });
});
