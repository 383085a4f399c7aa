export { HeraldError, hasHeraldCode } from './herald-error.js';
export type { HeraldErrorInit } from './herald-error.js';
export { InvalidOptionsError } from './invalid-options-error.js';
export { UnexpectedError } from './unexpected-error.js';
export { fromUnknown, messageOf } from './from-unknown.js';
export { integerOption } from './integer-option.js';
export type { IntegerBounds } from './integer-option.js';
