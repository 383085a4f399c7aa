/** A one-line progress bar on stderr: redrawn in place on a terminal, a line per quarter otherwise. */
export class ProgressBar {
  readonly #total: number;
  readonly #label: string;
  readonly #stream: NodeJS.WriteStream;
  readonly #tty: boolean;
  readonly #started = performance.now();
  #lastDraw = 0;
  #lastQuarter = -1;
  #done = false;

  constructor(label: string, total: number, stream: NodeJS.WriteStream = process.stderr) {
    this.#label = label;
    this.#total = Math.max(1, total);
    this.#stream = stream;
    this.#tty = stream.isTTY;
  }

  /** Reports `current` of the total done; cheap enough to call per message (draws at most every 100 ms). */
  update(current: number): void {
    if (this.#done) return;
    const now = performance.now();
    if (this.#tty) {
      if (now - this.#lastDraw < 100 && current < this.#total) return;
      this.#lastDraw = now;
      this.#stream.write(`\r${renderBar(this.#label, current, this.#total, now - this.#started)}\x1b[K`);
      return;
    }
    const quarter = Math.floor((4 * current) / this.#total);
    if (quarter > this.#lastQuarter) {
      this.#lastQuarter = quarter;
      this.#stream.write(`${renderBar(this.#label, current, this.#total, now - this.#started)}\n`);
    }
  }

  /** Draws the final state and ends the line. */
  finish(current = this.#total): void {
    if (this.#done) return;
    this.update(current);
    this.#done = true;
    if (this.#tty) this.#stream.write('\n');
  }
}

/** `label [#####-----]  50% 500/1000 1.2k/s`: exported for tests. */
export function renderBar(label: string, current: number, total: number, elapsedMs: number, width = 24): string {
  const fraction = Math.min(1, Math.max(0, current / total));
  const filled = Math.round(fraction * width);
  const rate = elapsedMs > 0 ? (current / elapsedMs) * 1000 : 0;
  const pct = `${Math.floor(fraction * 100)}%`.padStart(4);
  return `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${pct} ${current}/${total} ${Math.round(rate)}/s`;
}
