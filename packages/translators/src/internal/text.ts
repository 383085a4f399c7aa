import { DomainValidationError } from '../errors/domain-validation-error.js';
import { describeValue } from './describe-value.js';

// C0/C1 control characters are invisible in logs and UIs and never part of a real id. Display text
// may hold tabs and line breaks (a pasted product title does), which JSON escapes faithfully.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_BUT_WHITESPACE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/**
 * A display text (a name, a title): trimmed, non-empty, well-formed Unicode. A lone surrogate
 * would turn into U+FFFD on the way to UTF-8, silently changing the text: refuse it here.
 */
export function displayText(kind: string, value: unknown): string {
  if (typeof value !== 'string')
    throw DomainValidationError.of(`${kind} must be a string, got ${describeValue(value)}`);
  const text = value.trim();
  if (text === '') throw DomainValidationError.of(`${kind} must not be empty or blank, got ${describeValue(value)}`);
  if (!text.isWellFormed())
    throw DomainValidationError.of(`${kind} must be well-formed Unicode (it holds a lone surrogate)`);
  if (CONTROL_BUT_WHITESPACE.test(text))
    throw DomainValidationError.of(
      `${kind} must not contain control characters other than tabs and line breaks, got ${describeValue(value)}`,
    );
  return text;
}

/**
 * An identifier: a non-empty string without surrounding whitespace or control characters, or a
 * non-negative integer (a `number` only while it is safe: a larger one already lost digits in
 * `JSON.parse`). Ids are compared byte for byte downstream, so nothing is trimmed silently.
 */
export function identifier(kind: string, value: unknown): string {
  if (typeof value === 'bigint') {
    if (value < 0n) throw DomainValidationError.of(`${kind} must not be negative, got ${describeValue(value)}`);
    return value.toString();
  }
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw DomainValidationError.of(
        `${kind} as a number must be a non-negative safe integer, got ${describeValue(value)}`,
      );
    }
    return String(value);
  }
  if (typeof value !== 'string')
    throw DomainValidationError.of(`${kind} must be a string or an integer, got ${describeValue(value)}`);
  if (value === '' || value.trim() !== value) {
    throw DomainValidationError.of(
      `${kind} must be non-empty without surrounding whitespace, got ${describeValue(value)}`,
    );
  }
  if (!value.isWellFormed() || CONTROL.test(value)) {
    throw DomainValidationError.of(
      `${kind} must be well-formed text without control characters, got ${describeValue(value)}`,
    );
  }
  return value;
}
