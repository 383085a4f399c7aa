import { heraldProject } from '../../vitest.shared.js';

export default heraldProject('examples', import.meta.dirname, { kafka: true, postgres: true, types: true });
