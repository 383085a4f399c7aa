import { heraldProject } from '../../vitest.shared.js';

export default heraldProject('outbox', import.meta.dirname, { kafka: true, postgres: true });
