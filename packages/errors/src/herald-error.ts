/** What every {@link HeraldError} is built from besides its code and message. */
export interface HeraldErrorInit {
  /** True when trying again later, unchanged, may succeed. Required: every error says. */
  readonly retriable: boolean;
  /** The underlying error, kept as the standard `cause`. */
  readonly cause?: unknown;
}

// One brand for every Herald package, registered globally so `is` works across duplicate copies
// of a package (two versions in one node_modules tree). Packages tell their errors apart by `code`.
const brand = Symbol.for('herald.error');

/**
 * The base of every error a Herald package throws or rejects with. `code` names the failure (each
 * package owns its codes, see `docs/errors.md`), `retriable` says whether the same call may succeed
 * later, `cause` keeps the original error.
 *
 * @typeParam Code - the literal union of codes a package raises.
 */
export class HeraldError<Code extends string = string> extends Error {
  /** The failure, one of the raising package's codes. */
  readonly code: Code;
  /** True when trying again later may succeed without changing the input. */
  readonly retriable: boolean;

  constructor(code: Code, message: string, init: HeraldErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.code = code;
    this.retriable = init.retriable;
  }

  /** True for an error of any Herald package, even one from another copy of that package. */
  static is(value: unknown): value is HeraldError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
  }
}
Object.defineProperty(HeraldError.prototype, brand, { value: true });

/** True when `value` is a Herald error whose code is one of `codes`: how a package's `is()` narrows. */
export function hasHeraldCode(value: unknown, codes: ReadonlySet<string>): value is HeraldError {
  return HeraldError.is(value) && codes.has(value.code);
}
