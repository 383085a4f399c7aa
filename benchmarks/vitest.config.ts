import { heraldProject } from '../vitest.shared.js';

export default heraldProject('bench', import.meta.dirname, { kafka: true });
