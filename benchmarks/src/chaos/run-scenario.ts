import { createPublisher } from '@herald/publisher';
import type { Logger } from '@herald/publisher';
import { benchTopic, createTopic, deleteTopics } from '../common/broker.js';
import { OracleStream, oracleCodec, publishAtRate } from '../oracle/event-stream.js';
import { isClean, judge } from '../oracle/judge.js';
import type { OracleEvent } from '../oracle/judge.js';
import { readBack } from '../oracle/read-back.js';
import type { ClusterControl } from './cluster-control.js';
import type { Scenario, ScenarioContext } from './scenario.js';
import type { Variant } from './variants.js';

/** One row of the catalogue's table, and the JSON `--json` prints. */
export interface ScenarioResult {
  readonly scenario: string;
  readonly title: string;
  readonly failureClass: string;
  readonly variant: string;
  readonly rate: number;
  /** Length of the publishing window, s. */
  readonly seconds: number;
  readonly sent: number;
  readonly acked: number;
  readonly notWritten: number;
  readonly unknown: number;
  readonly lost: number;
  readonly duplicates: number;
  readonly reorderedKeys: number;
  readonly unsettled: number;
  /** Reported not written, yet in the topic (counted as a loss of truth, must be 0). */
  readonly notWrittenButWritten: number;
  /** Unknown outcomes found in the topic (information). */
  readonly unknownWritten: number;
  /** Longest time from a mark to the first ack of an event sent after it, ms; null if acks never resumed. */
  readonly recoveryMs: number | null;
  readonly errors: Readonly<Record<string, number>>;
  readonly readBackComplete: boolean;
  /** Partition → high-water mark the read-back read to. */
  readonly highWaterMarks: Readonly<Record<string, number>>;
  /** A few offending events, for diagnosis: id, how it settled, where it was acked, where it was found. */
  readonly examples: ReadonlyArray<{
    readonly kind: string;
    readonly id: string;
    readonly outcome: string;
    readonly ackedAt?: string;
    readonly foundAt: readonly string[];
  }>;
  readonly pass: boolean;
  /** Why it did not pass (empty when it did). */
  readonly problems: readonly string[];
}

/** How to run one scenario. */
export interface RunSettings {
  readonly rate: number;
  readonly log: (line: string) => void;
}

/** How long the load keeps going after a scenario's script has finished. */
const RECOVERY_TAIL_MS = 10_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A logger that keeps only counts and the last few warnings, so a noisy fault does not flood the run. */
function quietLogger(): Logger & { readonly recent: string[] } {
  const recent: string[] = [];
  const keep = (message: string, meta?: Readonly<Record<string, unknown>>) => {
    const name = meta?.['name'];
    recent.push(typeof name === 'string' ? `${message} ${name}` : message);
    if (recent.length > 5) recent.shift();
  };
  const ignore = () => undefined;
  return { recent, error: keep, warn: keep, info: ignore, debug: ignore };
}

/**
 * Runs `scenario` on `control`'s broker with `variant`: a fresh topic, the reliable-preset
 * publisher at a steady rate while the scenario's faults play out, everything settled (or the
 * deadline), the publisher closed, the cluster healed, then the topic read back and judged.
 */
export async function runScenario(
  scenario: Scenario,
  variant: Variant,
  control: ClusterControl,
  settings: RunSettings,
): Promise<ScenarioResult> {
  const { rate, log } = settings;
  await control.heal();
  const topic = benchTopic(`chaos-${scenario.name}`);
  await createTopic(control.bootstrap, topic, 6, control.nodeIds.length);
  const marks: Array<{ label: string; at: number }> = [];
  const started = performance.now();
  const ctx: ScenarioContext = {
    control,
    topic,
    wait: sleep,
    mark: (label) => marks.push({ label, at: performance.now() }),
    log: (line) => log(`  [${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}`),
  };
  const logger = quietLogger();
  const publisher = createPublisher<OracleEvent>({
    brokers: control.bootstrap,
    topic,
    codec: oracleCodec,
    key: (e) => e.key,
    preset: 'reliable',
    logger,
    ...(scenario.kafka === undefined ? {} : { kafka: scenario.kafka }),
    ...variant.options,
  });
  const stream = new OracleStream(publisher);
  const problems: string[] = [];
  let seconds = 0;
  try {
    if (scenario.setup !== undefined) await scenario.setup(ctx);
    else await publisher.connect();
    const t0 = performance.now();
    const load = publishAtRate(stream, rate);
    try {
      // Keep publishing a while after the last fault, so recovery is measured on fresh events.
      await Promise.all([scenario.script(ctx).then(() => sleep(RECOVERY_TAIL_MS)), sleep(scenario.minDurationMs)]);
    } finally {
      load.stop();
    }
    seconds = (performance.now() - t0) / 1000;
    const timeoutMs = scenario.kafka?.messageTimeoutMs ?? 120_000;
    ctx.log(`published ${stream.sent} in ${seconds.toFixed(1)} s; waiting for every publish to settle`);
    if (!(await stream.waitSettled(timeoutMs + 30_000)))
      problems.push(`publishes still unsettled ${timeoutMs + 30_000} ms after the load stopped`);
  } catch (error) {
    problems.push(`scenario failed: ${(error as Error).message.split('\n')[0]}`);
  } finally {
    await publisher
      .close({ timeoutMs: 10_000 })
      .catch((error: Error) => problems.push(`close failed: ${error.message}`));
    await control.heal();
  }
  // About 60 s plus 1 s per 5,000 events: a long scenario holds a few hundred thousand records.
  const back = await readBack(control.bootstrap, topic, 60_000 + Math.ceil(stream.sent / 5));
  const report = judge(stream.sent, stream.outcomes, back.events);
  // An incomplete read-back makes "lost" meaningless: report that, not a loss.
  if (!back.complete) problems.push('the read-back did not reach every high-water mark (lost is not meaningful)');
  if (!isClean(report)) problems.push('the oracle found a defect');
  if (!scenario.allows.includes('not-written') && report.failed > 0)
    problems.push(`${report.failed} not-written outcomes in a scenario inside every timeout`);
  if (!scenario.allows.includes('unknown') && report.unknown > 0)
    problems.push(`${report.unknown} unknown outcomes in a scenario inside every timeout`);
  const recoveries = marks.map((m) => stream.firstAckAfter(m.at));
  if (recoveries.some((r) => r === null))
    problems.push(`no ack after "${marks[recoveries.indexOf(null)]?.label ?? '?'}"`);
  if (logger.recent.length > 0 && problems.length > 0)
    problems.push(`last publisher warnings: ${logger.recent.join('; ')}`);
  const foundAt = new Map<string, string[]>();
  for (const e of back.events)
    foundAt.set(e.event.id, [...(foundAt.get(e.event.id) ?? []), `${e.partition}:${e.offset}`]);
  const example = (kind: string) => (id: string) => {
    const acked = stream.ackedAt(id);
    return {
      kind,
      id,
      outcome: stream.outcomeOf(id),
      ...(acked === undefined ? {} : { ackedAt: acked }),
      foundAt: foundAt.get(id) ?? [],
    };
  };
  const examples = [
    ...report.lost.slice(0, 5).map(example('lost')),
    ...report.duplicates.slice(0, 5).map(example('duplicate')),
    ...report.failedButWritten.slice(0, 5).map(example('not-written but written')),
  ];
  const duplicateOutcomes = new Map<string, number>();
  for (const id of report.duplicates)
    duplicateOutcomes.set(stream.outcomeOf(id), (duplicateOutcomes.get(stream.outcomeOf(id)) ?? 0) + 1);
  if (duplicateOutcomes.size > 0)
    problems.push(`duplicates by outcome: ${[...duplicateOutcomes].map(([o, n]) => `${o} ${n}`).join(', ')}`);
  await deleteTopics(control.bootstrap, [topic], log);
  return {
    scenario: scenario.name,
    title: scenario.title,
    failureClass: scenario.failureClass,
    variant: variant.name,
    rate,
    seconds: Math.round(seconds * 10) / 10,
    sent: report.sent,
    acked: report.acked,
    notWritten: report.failed,
    unknown: report.unknown,
    lost: report.lost.length,
    duplicates: report.duplicates.length,
    reorderedKeys: report.reordered.length,
    unsettled: report.unsettled,
    notWrittenButWritten: report.failedButWritten.length,
    unknownWritten: report.unknownWritten,
    recoveryMs:
      recoveries.length === 0 || recoveries.some((r) => r === null)
        ? null
        : Math.round(Math.max(...(recoveries as number[]))),
    errors: Object.fromEntries(stream.errors),
    readBackComplete: back.complete,
    highWaterMarks: Object.fromEntries(back.highWaterMarks),
    examples,
    pass: problems.length === 0,
    problems,
  };
}
