// `herald-bench trace-overhead`: publish throughput with (a) no OpenTelemetry SDK, (b) an SDK with
// an exporter that drops spans, (c) a batch span processor into memory, as ratios to (a).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { intOption } from '../common/args.js';
import { spreadOf } from '../common/spread.js';
import { TRACING_VARIANTS } from './variants.js';
import type { TracingVariant } from './variants.js';

const execFileAsync = promisify(execFile);
const child = fileURLToPath(new URL('./trace-overhead-child.js', import.meta.url));

interface Sample {
  readonly variant: TracingVariant;
  readonly rate: number;
  readonly cpuMicrosPerMessage: number;
  readonly spans: number;
}

/** Runs the comparison; returns the exit code. */
export async function run(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      messages: { type: 'string' },
      rounds: { type: 'string' },
      brokers: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const messages = intOption('messages', values.messages, 100_000, 1_000);
  const rounds = intOption('rounds', values.rounds, 5, 1, 50);
  const brokers = values.brokers ?? 'mock';
  const samples: Sample[] = [];
  for (let round = 0; round < rounds; round++) {
    // Rotate the order each round so no variant always runs first (or on a warmer machine).
    const order = TRACING_VARIANTS.map((_, i) => TRACING_VARIANTS[(i + round) % TRACING_VARIANTS.length]!);
    for (const variant of order) {
      const topic = brokers === 'mock' ? 'bench-trace' : `herald-bench-trace-${Date.now()}`;
      const { stdout } = await execFileAsync(process.execPath, [child, variant, brokers, topic, String(messages)], {
        maxBuffer: 1 << 20,
      });
      samples.push(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Sample);
      process.stderr.write(`round ${round + 1}/${rounds} ${variant}: ${Math.round(samples.at(-1)!.rate)} msgs/s\n`);
    }
  }
  const rows = TRACING_VARIANTS.map((variant) => {
    const mine = samples.filter((s) => s.variant === variant);
    return {
      variant,
      rate: spreadOf(mine.map((s) => s.rate)).median,
      cpu: spreadOf(mine.map((s) => s.cpuMicrosPerMessage)).median,
      spans: mine.at(-1)?.spans ?? 0,
    };
  });
  const base = rows[0]!.rate;
  const table = rows.map((r) => ({ ...r, ratio: r.rate / base }));
  if (values.json) {
    console.log(JSON.stringify({ messages, rounds, brokers, results: table, samples }, null, 2));
    return 0;
  }
  console.log(
    `trace-overhead: ${messages} × ~500 B orders per run, ${rounds} rounds, broker ${brokers}, reliable preset, median of rounds`,
  );
  console.log('variant            msgs/s   CPU µs/msg  spans/run  ratio to none');
  for (const r of table) {
    console.log(
      `${r.variant.padEnd(16)} ${String(Math.round(r.rate)).padStart(8)} ${r.cpu.toFixed(1).padStart(12)} ${String(r.spans).padStart(10)}  ${r.ratio.toFixed(2)}×`,
    );
  }
  return 0;
}
