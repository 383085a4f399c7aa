import winston from 'winston';

/** The levels Herald logs at. */
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

/** A log call: winston's shape (`logger.warn(message, meta)`). Herald always calls it on its logger. */
export type LogMethod = (message: string, meta?: Readonly<Record<string, unknown>>) => unknown;

/**
 * The logger Herald writes to: any winston logger fits, as does anything with these methods.
 * `child` is used when present to tag each component's lines.
 */
export interface Logger {
  error: LogMethod;
  warn: LogMethod;
  info: LogMethod;
  debug: LogMethod;
  child?: (meta: Readonly<Record<string, unknown>>) => Logger;
}

const levels = new Set(['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly']);

/**
 * Herald's default logger: winston, JSON lines on stderr at `warn` (or `HERALD_LOG_LEVEL`), so a
 * failure is never silent and a healthy publisher prints nothing.
 */
export function createDefaultLogger(): Logger {
  const wanted = process.env['HERALD_LOG_LEVEL'];
  return winston.createLogger({
    level: wanted !== undefined && levels.has(wanted) ? wanted : 'warn',
    format: winston.format.combine(winston.format.timestamp(), winston.format.json()),
    defaultMeta: { library: 'herald' },
    transports: [new winston.transports.Console({ stderrLevels: [...levels] })],
  });
}

/** `logger.child(meta)` when the logger has one, else the logger itself. */
export function childLogger(logger: Logger, meta: Readonly<Record<string, unknown>>): Logger {
  return typeof logger.child === 'function' ? logger.child(meta) : logger;
}
