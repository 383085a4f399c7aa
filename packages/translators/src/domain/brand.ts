declare const brand: unique symbol;

/**
 * `T` marked as a validated `Name`: only the value object's `of()` produces one, so a function
 * that takes an `OrderId` cannot be handed an unchecked string, or a `ProductId`.
 */
export type Brand<T, Name extends string> = T & { readonly [brand]: Name };
