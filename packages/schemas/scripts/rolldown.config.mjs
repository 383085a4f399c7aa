// Bundles the tspc output into one ESM file: the few typia runtime helpers the generated
// validators call are inlined, so installing @herald/schemas pulls in neither typia nor a
// TypeScript compiler. Declarations come from tspc directly (dist/**/*.d.ts).
import { defineConfig } from 'rolldown';

export default defineConfig({
  input: './.cache/tsc/index.js',
  platform: 'node',
  // Herald's own packages stay imports: one HeraldError class, shared with every other package.
  external: [/^node:/, /^@herald\//],
  output: { file: 'dist/index.js', format: 'esm', sourcemap: true },
});
