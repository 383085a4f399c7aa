import { heraldProject } from '../../vitest.shared.js';

export default heraldProject('native', import.meta.dirname);
