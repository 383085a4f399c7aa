export { readHeaders } from './read-headers.js';
export type { ConsumedHeaders, ConsumedHeaderValue } from './read-headers.js';
