import { heraldProject } from '../../vitest.shared.js';

export default heraldProject('schemas', import.meta.dirname, { kafka: true, types: true });
