import { heraldProject } from '../../vitest.shared.js';

export default heraldProject('translators', import.meta.dirname, { types: true });
