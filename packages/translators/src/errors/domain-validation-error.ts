import { TranslatorsError } from './translators-error.js';

/** One broken rule: where and why. */
export interface DomainIssue {
  /**
   * Where the bad value sits, relative to what was being built: `''` for the value itself (a value
   * object), a field path such as `lineItems[2].quantity` inside an aggregate.
   */
  readonly path: string;
  /** Why it was refused, naming the value object, e.g. `Quantity must be an integer from 1 to 4294967295, got 0`. */
  readonly message: string;
}

/** How many issues the message spells out; {@link DomainValidationError.issues} has them all. */
const MESSAGE_ISSUES = 5;

function render(issue: DomainIssue): string {
  return issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`;
}

function describe(issues: readonly DomainIssue[]): string {
  const listed = issues.slice(0, MESSAGE_ISSUES).map(render);
  if (issues.length > MESSAGE_ISSUES) listed.push(`… and ${issues.length - MESSAGE_ISSUES} more`);
  return listed.join('; ');
}

function join(prefix: string, path: string): string {
  if (path === '') return prefix;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}

/**
 * A value object or aggregate refused its input, so nothing was built. `issues` lists every
 * broken rule found, not just the first: one report is enough to fix one bad record.
 */
export class DomainValidationError extends TranslatorsError {
  /** Every broken rule, in the order they were found; never empty. */
  readonly issues: readonly DomainIssue[];

  /** @param issues - at least one issue. */
  constructor(issues: readonly DomainIssue[], cause?: unknown) {
    super('DOMAIN_VALIDATION', describe(issues), false, cause);
    this.issues = issues;
  }

  /** Shorthand for a single issue about the value itself (path `''`). */
  static of(message: string): DomainValidationError {
    return new DomainValidationError([{ path: '', message }]);
  }

  /** The same issues seen from one level up: `at('lineItems[0]')` turns `quantity` into `lineItems[0].quantity`. */
  at(prefix: string): DomainValidationError {
    return new DomainValidationError(
      this.issues.map((i) => ({ path: join(prefix, i.path), message: i.message })),
      this.cause,
    );
  }
}
