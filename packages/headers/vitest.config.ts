import { heraldProject } from '../../vitest.shared.js';

export default heraldProject('headers', import.meta.dirname);
