// (a') Herald on the CKJS transport: the same pipeline, to show what the native transport gains.
import type { NodeContender } from '../contender.js';
import { heraldContender } from './herald.js';

/** Herald's `publish()` per event on `@confluentinc/kafka-javascript`. */
export const contender: NodeContender = heraldContender('ckjs');
