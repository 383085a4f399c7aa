#!/usr/bin/env bash
# The native transport's tests on an ASan + UBSan build of @herald/native: rebuilds the addon with
# -fsanitize=address,undefined in place, runs the addon's own tests and the publisher's native
# lifecycle tests with gcc's libasan preloaded into Node (Node itself is not instrumented, so leak
# detection is off: the stress benchmark watches memory instead), then rebuilds the normal addon.
# Run by scripts/test.sh after the brokers are up; run it alone, not beside other test runs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

restore() { node packages/native/scripts/build.mjs --strict >/dev/null 2>&1 || echo "could not rebuild the normal addon: run node packages/native/scripts/build.mjs --strict" >&2; }
trap restore EXIT

node packages/native/scripts/build.mjs --strict --sanitize >/dev/null 2>&1 || { echo "the sanitizer build failed" >&2; exit 1; }
libasan=$(gcc -print-file-name=libasan.so)
[ -f "$libasan" ] || { echo "no libasan.so from gcc ($libasan)" >&2; exit 1; }
# Proof the instrumented addon is what loads: it needs the ASan runtime, which must be mapped.
ASAN_OPTIONS=detect_leaks=0 LD_PRELOAD="$libasan" node -e '
  const addon = require("./packages/native/build/Release/herald_native.node");
  const maps = require("node:fs").readFileSync("/proc/self/maps", "utf8");
  if (!maps.includes("libasan") || !/__asan|__ubsan/.test(require("node:fs").readFileSync("./packages/native/build/Release/herald_native.node", "latin1"))) process.exit(1);
  console.log(`sanitizer build of @herald/native loaded (librdkafka ${addon.version()})`);'
# A sanitizer report aborts the process, so the test that caused it fails.
ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:halt_on_error=1 \
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
LD_PRELOAD="$libasan" \
  pnpm exec vitest run --project native --project publisher packages/native/test packages/publisher/test/native
