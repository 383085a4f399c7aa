import { displayText, identifier } from '../internal/text.js';
import type { Brand } from './brand.js';

/** Creates the values of an identifier type such as {@link OrderId}. */
export interface IdentifierType<Name extends string> {
  /** Validates `value` and brands it; throws `DomainValidationError` when it is not a valid id. */
  of(value: string | number | bigint): Brand<string, Name>;
}

/** Creates the values of a display-text type such as {@link CustomerName}. */
export interface DisplayTextType<Name extends string> {
  /** Trims `value`, validates it and brands it; throws `DomainValidationError` when it is blank or malformed. */
  of(value: string): Brand<string, Name>;
}

/**
 * The factory of an identifier value object named `name`: a non-empty string without surrounding
 * whitespace or control characters; integers are taken as their decimal digits. One definition
 * for every id type, so they cannot drift apart.
 */
export function identifierType<Name extends string>(name: Name): IdentifierType<Name> {
  return Object.freeze({ of: (value: string | number | bigint) => identifier(name, value) as Brand<string, Name> });
}

/**
 * The factory of a display-text value object named `name`: trimmed, non-empty, well-formed Unicode,
 * without control characters other than tabs and line breaks.
 */
export function displayTextType<Name extends string>(name: Name): DisplayTextType<Name> {
  return Object.freeze({ of: (value: string) => displayText(name, value) as Brand<string, Name> });
}
