// `herald-bench stress`: many publishes of random shape on librdkafka's mock cluster, memory sampled
// after GC; prints the growth of heap and RSS per 100k messages over the second half of the run.
import { choiceOption, intOption, parseOrExitCode, strictArgs } from '../common/args.js';
import { ProgressBar } from '../common/progress-bar.js';
import { growthPer100k } from './memory-slope.js';
import { runStress } from './stress-load.js';

const HELP = `usage: herald-bench stress [options]

Publishes --messages records with random value sizes (0-2 kB, 5 % up to 100 kB), keys (null,
string, Buffer, empty) and 0-8 random string/Buffer headers through one publisher on librdkafka's
mock cluster (no broker needed), with a full GC before each memory sample. Reports heap and RSS
growth per 100 000 messages over the second half of the run: flat means no leak.

  --messages N      publishes (default 1000000)
  --transport T     native or ckjs (default native)
  --window N        publishes in flight at most (default 10000)
  --samples N       memory samples (default 20)
  --seed N          random seed (default 1)
  --json            print the result as JSON
  --quiet           no progress bar`;

const options = {
  messages: { type: 'string' },
  transport: { type: 'string' },
  window: { type: 'string' },
  samples: { type: 'string' },
  seed: { type: 'string' },
  json: { type: 'boolean', default: false },
  quiet: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

/** The parsed `stress` command line. */
export interface StressArgs {
  readonly help: boolean;
  readonly messages: number;
  readonly transport: 'native' | 'ckjs';
  readonly window: number;
  readonly samples: number;
  readonly seed: number;
  readonly json: boolean;
  readonly quiet: boolean;
}

/** Parses `stress` arguments; throws `UsageError`. */
export function parseStressArgs(argv: readonly string[]): StressArgs {
  const values = strictArgs(argv, options);
  return {
    help: values.help,
    messages: intOption('messages', values.messages, 1_000_000, 1_000),
    transport: choiceOption('transport', values.transport, ['native', 'ckjs'] as const, 'native'),
    window: intOption('window', values.window, 10_000, 1),
    samples: intOption('samples', values.samples, 20, 4, 1_000),
    seed: intOption('seed', values.seed, 1),
    json: values.json,
    quiet: values.quiet,
  };
}

/** `herald-bench stress`: returns the exit code. */
export async function run(argv: readonly string[]): Promise<number> {
  const parsed = parseOrExitCode('stress', HELP, parseStressArgs, argv);
  if (typeof parsed === 'number') return parsed;
  const bar = parsed.quiet || parsed.json ? undefined : new ProgressBar(`stress ${parsed.transport}`, parsed.messages);
  const result = await runStress({
    ...parsed,
    ...(bar === undefined ? {} : { onProgress: (n: number) => bar.update(n) }),
  });
  bar?.finish();
  const heap = growthPer100k(result.samples, 'heapUsed');
  const rss = growthPer100k(result.samples, 'rss');
  const first = result.samples[Math.floor(result.samples.length / 2)]!;
  const last = result.samples.at(-1)!;
  if (parsed.json) {
    console.log(
      JSON.stringify({ ...result, transport: parsed.transport, heapGrowthPer100k: heap, rssGrowthPer100k: rss }),
    );
    return 0;
  }
  console.log(
    `transport ${parsed.transport}: ${result.messages} publishes (${result.acked} acked, ${result.failed} failed) in ${result.seconds.toFixed(1)} s`,
  );
  console.log(
    `heap after GC: ${mb(first.heapUsed)} at mid-run -> ${mb(last.heapUsed)} at the end; slope ${kb(heap)} per 100k messages`,
  );
  console.log(
    `RSS:           ${mb(first.rss)} at mid-run -> ${mb(last.rss)} at the end; slope ${kb(rss)} per 100k messages`,
  );
  return 0;
}
