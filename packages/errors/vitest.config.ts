import { heraldProject } from '../../vitest.shared.js';

export default heraldProject('errors', import.meta.dirname);
