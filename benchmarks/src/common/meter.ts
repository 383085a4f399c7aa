import { summarizeLatency } from './percentiles.js';
import type { LatencySummary } from './percentiles.js';

/** What one measured run of a producer loop produced. Shared by `produce`, `compare` and `tune`. */
export interface RunMeasurement {
  /** Messages measured (acknowledged or failed), warm-up excluded. */
  readonly messages: number;
  readonly acked: number;
  /** From the first measured send to the last delivery report. */
  readonly seconds: number;
  readonly msgsPerSec: number;
  /** Payload (value) bytes acknowledged per second, in MiB. */
  readonly mibPerSec: number;
  /** Process CPU (user + system, every thread) over the window, per message, in µs; null when unknown. */
  readonly cpuUsPerMsg: number | null;
  /** Peak resident set size of the producing process in MiB; null when unknown. */
  readonly peakRssMiB: number | null;
  /** Send call → delivery report, over acknowledged messages; null when not measured. */
  readonly latencyMs: LatencySummary | null;
  /** Failed deliveries by error code. */
  readonly errors: Readonly<Record<string, number>>;
}

/**
 * Times one window of `total` messages: call `sent(i)` right before handing message `i` to the
 * client and `delivered(i)` / `failed(i, code)` from its delivery report. Preallocated arrays keep
 * the per-message cost to two `performance.now()` calls and two typed-array writes.
 */
export class Meter {
  readonly total: number;
  readonly #sentAt: Float64Array;
  readonly #latency: Float64Array;
  readonly #errors = new Map<string, number>();
  readonly #payloadBytes: number;
  #acked = 0;
  #failed = 0;
  #startedAt = 0;
  #endedAt = 0;
  #cpu: NodeJS.CpuUsage | undefined;
  #cpuUsed: NodeJS.CpuUsage | undefined;
  #onDone: (() => void) | undefined;
  readonly done: Promise<void>;

  /** `payloadBytes` is the value size of one message, for MiB/s. */
  constructor(total: number, payloadBytes: number) {
    this.total = total;
    this.#payloadBytes = payloadBytes;
    this.#sentAt = new Float64Array(total);
    this.#latency = new Float64Array(total);
    this.done = new Promise((resolve) => (this.#onDone = resolve));
    if (total === 0) this.#onDone?.();
  }

  /** Messages settled so far. */
  get settled(): number {
    return this.#acked + this.#failed;
  }

  /** Starts the clock and the CPU account. */
  start(): void {
    this.#cpu = process.cpuUsage();
    this.#startedAt = performance.now();
  }

  sent(i: number): void {
    this.#sentAt[i] = performance.now();
  }

  delivered(i: number): void {
    this.#latency[this.#acked++] = performance.now() - this.#sentAt[i]!;
    if (this.settled === this.total) this.#finish();
  }

  failed(_i: number, code: string): void {
    this.#failed += 1;
    this.#errors.set(code, (this.#errors.get(code) ?? 0) + 1);
    if (this.settled === this.total) this.#finish();
  }

  #finish(): void {
    this.#endedAt = performance.now();
    this.#cpuUsed = process.cpuUsage(this.#cpu);
    this.#onDone?.();
  }

  /** The measurement; call after `done` resolved. */
  result(): RunMeasurement {
    const seconds = (this.#endedAt - this.#startedAt) / 1000;
    const messages = this.settled;
    const cpu = this.#cpuUsed;
    return {
      messages,
      acked: this.#acked,
      seconds,
      msgsPerSec: seconds > 0 ? messages / seconds : Number.NaN,
      mibPerSec: seconds > 0 ? (this.#acked * this.#payloadBytes) / seconds / (1024 * 1024) : Number.NaN,
      cpuUsPerMsg: cpu === undefined || messages === 0 ? null : (cpu.user + cpu.system) / messages,
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
      latencyMs: this.#acked === 0 ? null : summarizeLatency(this.#latency.subarray(0, this.#acked)),
      errors: Object.fromEntries(this.#errors),
    };
  }
}
