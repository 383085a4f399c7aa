import { DomainValidationError } from '../errors/domain-validation-error.js';
import type { DomainIssue } from '../errors/domain-validation-error.js';

/**
 * Gathers the issues of every field of an aggregate before failing, so one error reports all that
 * is wrong with a record instead of the first thing only.
 */
export class IssueCollector {
  readonly #issues: DomainIssue[] = [];

  /** The value `build()` returns, or `undefined` after recording its `DomainValidationError` under `path`. */
  field<T>(path: string, build: () => T): T | undefined {
    try {
      return build();
    } catch (error) {
      if (!(error instanceof DomainValidationError)) throw error;
      this.#issues.push(...error.at(path).issues);
      return undefined;
    }
  }

  /** Records an issue that no value object raised, e.g. a broken invariant between fields. */
  add(path: string, message: string): void {
    this.#issues.push({ path, message });
  }

  /** Throws one `DomainValidationError` listing every recorded issue, if there is any. */
  throwIfAny(): void {
    if (this.#issues.length > 0) throw new DomainValidationError([...this.#issues]);
  }

  /**
   * `fields` with `undefined` ruled out: throws like {@link throwIfAny} when anything was recorded.
   * Pass the results of {@link field}: each is `undefined` only when its issue was recorded.
   */
  complete<T extends Record<string, unknown>>(fields: T): { [K in keyof T]: Exclude<T[K], undefined> } {
    this.throwIfAny();
    return fields as { [K in keyof T]: Exclude<T[K], undefined> };
  }
}
