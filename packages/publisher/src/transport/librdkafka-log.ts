import { RdCode } from '../internal/classify.js';
import type { LogLevel } from '../logger.js';

// librdkafka says so when it will try again by itself ("Failed to acquire idempotence PID from
// broker …: Coordinator load in progress: retrying"): a transient on a fresh broker, not an alarm.
const retryingByItself = /\bretrying\b|\bwill retry\b/i;

/**
 * The level of one librdkafka log line (syslog `severity`): errors at error, warnings at warn,
 * unless the line says librdkafka is retrying by itself, which is info: a healthy run prints
 * nothing at warn.
 */
export function librdkafkaLogLevel(severity: number, message: string): LogLevel {
  if (severity <= 3) return 'error';
  if (severity === 4) return retryingByItself.test(message) ? 'info' : 'warn';
  if (severity <= 6) return 'info';
  return 'debug';
}

/**
 * The level of a librdkafka client error event: one broker connection dropping (librdkafka
 * reconnects by itself, and brokers close idle connections) is info; every broker down is warn;
 * anything else is error.
 */
export function clientErrorLevel(code: number): LogLevel {
  if (code === RdCode.TRANSPORT) return 'info';
  if (code === RdCode.ALL_BROKERS_DOWN) return 'warn';
  return 'error';
}
