// How both transports recognise a refused login or a refused certificate the same way: the error
// codes, and the log lines that are librdkafka's only report of a failed SASL or TLS handshake (log
// levels: librdkafka-log.ts).
import { RdCode } from '../internal/classify.js';

const authLine = /SASL authentication error|Authentication failed/i;
// A certificate the client refuses (untrusted CA, expired, wrong host name) or a broken handshake.
const tlsLine = /SSL handshake failed|certificate verify failed/i;

/**
 * True for the log line by which librdkafka reports a SASL failure: it raises no error event, and
 * connect later fails with a generic transport error, so the caller would never learn it was auth.
 */
export function isAuthFailureLog(facility: string, message: string): boolean {
  return facility === 'FAIL' && authLine.test(message);
}

/** Client error codes that mean the credentials were refused. */
export function isAuthFailureCode(code: number): boolean {
  return code === RdCode.AUTHENTICATION || code === RdCode.SASL_AUTHENTICATION_FAILED;
}

/**
 * True for the log line by which librdkafka reports a failed TLS handshake: it logs it and keeps
 * retrying until the connect timeout, so without it connect() would only say "unreachable", late.
 */
export function isTlsFailureLog(facility: string, message: string): boolean {
  return facility === 'FAIL' && tlsLine.test(message);
}
