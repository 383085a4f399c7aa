import { heraldProject } from '../../vitest.shared.js';

// Every real-broker test again, on the CKJS transport: behaviour differences are native-transport bugs.
export default heraldProject('publisher-ckjs', import.meta.dirname, {
  kafka: true,
  include: ['test/integration/**/*.test.ts'],
  provide: { transport: 'ckjs' },
});
