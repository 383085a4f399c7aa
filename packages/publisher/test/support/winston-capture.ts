// A real winston logger whose JSON lines are kept in memory, to check what Herald's logging
// looks like through winston itself (child metadata, levels), not through a stand-in.
import { PassThrough } from 'node:stream';
import winston from 'winston';

export interface CapturedLogger {
  readonly logger: winston.Logger;
  /** Every line written so far, parsed. */
  readonly lines: Array<Record<string, unknown>>;
}

export function winstonCapture(level = 'debug'): CapturedLogger {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n'))
      if (line !== '') lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  const logger = winston.createLogger({
    level,
    format: winston.format.json(),
    transports: [new winston.transports.Stream({ stream })],
  });
  return { logger, lines };
}

/** Lets winston's stream transport deliver what was logged. */
export const drained = () => new Promise((resolve) => setImmediate(resolve));
