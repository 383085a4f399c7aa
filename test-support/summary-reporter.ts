// Prints the line CI reads as the very last line of a run: `N passed, N failed, N skipped`, after a
// line naming the Node it ran on.
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
      }
      // A file that failed to load (syntax error, failed hook) has no tests to count: count it once.
      if (module.state() === 'failed' && !hasFailedTest(module)) failed += 1;
    }
    failed += errors.length;
    // Written after vitest's own summary, which the default reporter prints before this hook runs.
    // The runtime line says which Node the tests ran on (scripts/test.sh runs parts on several).
    const runtime = `tests ran on node ${process.version} (ABI ${process.versions.modules})`;
    setImmediate(() => process.stdout.write(`\n${runtime}\n${passed} passed, ${failed} failed, ${skipped} skipped\n`));
  }
}

function hasFailedTest(module: TestModule): boolean {
  for (const test of module.children.allTests()) if (test.result().state === 'failed') return true;
  return false;
}
