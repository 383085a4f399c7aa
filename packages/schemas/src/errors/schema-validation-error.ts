import { SchemaError } from './schema-error.js';
import type { SchemaIssue } from './schema-issue.js';

/** How many issues the message spells out; {@link SchemaValidationError.issues} has them all. */
const MESSAGE_ISSUES = 10;
/** Longest rendering of one value in the message. */
const MESSAGE_VALUE_CHARS = 60;

function render(issue: SchemaIssue): string {
  if (!('value' in issue)) return issue.received;
  const { value } = issue;
  if (typeof value === 'string') {
    const json = JSON.stringify(value);
    return json.length > MESSAGE_VALUE_CHARS ? `${json.slice(0, MESSAGE_VALUE_CHARS)}…" (${value.length} chars)` : json;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined)
    return String(value);
  return issue.received;
}

function describe(messageName: string, issues: readonly SchemaIssue[]): string {
  const listed = issues.slice(0, MESSAGE_ISSUES).map((i) => `${i.path}: expected ${i.expected}, got ${render(i)}`);
  const more = issues.length > MESSAGE_ISSUES ? [`… and ${issues.length - MESSAGE_ISSUES} more`] : [];
  const count = issues.length === 1 ? '1 issue' : `${issues.length} issues`;
  return `${messageName} is invalid (${count}): ${[...listed, ...more].join('; ')}`;
}

/**
 * A value broke its message contract; nothing was encoded (and so nothing sent). `issues` lists
 * every violation typia found, not just the first. Values appear in `issues` and the message
 * unless the codec was created with `redactValues: true`.
 */
export class SchemaValidationError extends SchemaError {
  /** Every violation, in the order the validator met them. */
  readonly issues: readonly SchemaIssue[];
  /** Whether offending values were left out of {@link issues} and the message. */
  readonly redacted: boolean;

  /** @param messageName - which contract, e.g. `OrderEventMessage v1`. */
  constructor(messageName: string, issues: readonly SchemaIssue[], redacted: boolean) {
    super('SCHEMA_VALIDATION', describe(messageName, issues));
    this.issues = issues;
    this.redacted = redacted;
  }

  /** A JSON form for structured logs: scalar values only, so it never fails or floods. */
  toJSON(): Record<string, unknown> {
    const issues = this.issues.map((issue) => {
      const { path, expected, received } = issue;
      const v = issue.value;
      const scalar = v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
      return 'value' in issue && scalar ? { path, expected, received, value: v } : { path, expected, received };
    });
    return { name: this.name, code: this.code, retriable: this.retriable, message: this.message, issues };
  }
}
