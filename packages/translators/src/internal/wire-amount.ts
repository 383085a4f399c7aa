import type { Money } from '../domain/money.js';
import { TranslationError } from '../errors/translation-error.js';
import { shortestDecimal } from './decimal.js';

/** Below this many minor units an amount has at most 15 significant digits: every such decimal survives a double. */
const ALWAYS_EXACT = 10n ** 15n;

/**
 * `money` as the JSON number the wire carries, exactly: the double nearest its decimal value, which
 * `JSON.stringify` writes back as the same digits (1999 cents → `19.99`, never `19.990000000000002`).
 * Amounts that do not survive that round trip fail with `TranslationError` instead of being rounded.
 */
export function toWireAmount(money: Money, orderId: string, field: string): number {
  if (money.minor < ALWAYS_EXACT) {
    // Both operands are exact doubles and IEEE division rounds correctly, so this is the same double
    // as `Number("19.99")`, without building the string. A double keeps any 15 significant digits.
    return Number(money.minor) / 10 ** money.exponent;
  }
  if (money.minor > BigInt(Number.MAX_SAFE_INTEGER)) {
    // Beyond 2^53 neighbouring minor units share a double: consumers could not tell amounts apart.
    throw new TranslationError(
      orderId,
      field,
      `${money.toString()} is ${money.minor} minor units, more than 2^53 - 1: a JSON number cannot carry it exactly`,
    );
  }
  const decimal = shortestDecimal(money.toDecimalString());
  const amount = Number(decimal);
  // Below 2^53 minor units the shortest spelling never uses exponent notation, so this compares digits.
  if (String(amount) !== decimal) {
    throw new TranslationError(
      orderId,
      field,
      `${money.toString()} has more significant digits than a JSON number keeps (it would read back as ${amount})`,
    );
  }
  return amount;
}
