// Bundles the tspc output into ESM entry points that share chunks (so `@herald/schemas` and
// `@herald/schemas/runtime` see one copy of each class): the typia run-time helpers are inlined,
// so installing @herald/schemas pulls in neither typia nor a TypeScript compiler. Only the CLI
// (`dist/cli.js`) loads typescript, typia and @typia/core, the optional peers a team installs to
// generate. Declarations come from tspc directly (dist/**/*.d.ts).
import { defineConfig } from 'rolldown';

export default defineConfig({
  input: {
    index: './.cache/tsc/index.js',
    runtime: './.cache/tsc/runtime/index.js',
    cli: './.cache/tsc/cli/bin.js',
  },
  platform: 'node',
  // Herald's own packages stay imports: one HeraldError class, shared with every other package.
  external: [/^node:/, /^@herald\//, 'typescript', /^typia\/lib\/transform/, /^@typia\/core/],
  output: {
    dir: 'dist',
    format: 'esm',
    sourcemap: true,
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
  },
});
