import { heraldProject } from '../vitest.shared.js';

export default heraldProject('benchmarks', import.meta.dirname);
