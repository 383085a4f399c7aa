/** Where a command writes: lines to stdout and stderr, and the directory it runs in. */
export interface CliIo {
  readonly cwd: string;
  out(line: string): void;
  err(line: string): void;
}
