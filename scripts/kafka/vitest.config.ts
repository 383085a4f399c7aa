import { heraldProject } from '../../vitest.shared.js';

export default heraldProject('kafka-scripts', import.meta.dirname, { kafka: true });
