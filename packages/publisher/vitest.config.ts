import { heraldProject } from '../../vitest.shared.js';

// The whole suite on the native transport; vitest.ckjs.config.ts runs the real-broker tests again on CKJS.
export default heraldProject('publisher', import.meta.dirname, { kafka: true, provide: { transport: 'native' } });
