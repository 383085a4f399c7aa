import { heraldProject } from '../../vitest.shared.js';

export default heraldProject('publisher', import.meta.dirname, { kafka: true });
