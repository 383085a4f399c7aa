#!/usr/bin/env bash
# The native transport's tests on an ASan + UBSan build of @herald/native: rebuilds the addon with
# -fsanitize=address,undefined in place, runs the addon's own tests and the publisher's native
# lifecycle tests with gcc's libasan preloaded into Node (Node itself is not instrumented, so leak
# detection is off: the stress benchmark watches memory instead), then rebuilds the normal addon.
# Run by scripts/test.sh after the brokers are up; run it alone, not beside other test runs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

restore() { node packages/native/scripts/build.mjs --strict >/dev/null; }
trap restore EXIT

node packages/native/scripts/build.mjs --strict --sanitize >/dev/null
libasan=$(gcc -print-file-name=libasan.so)
[ -f "$libasan" ] || { echo "no libasan.so from gcc ($libasan)" >&2; exit 1; }
# A sanitizer report aborts the process, so the test that caused it fails.
ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:halt_on_error=1 \
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
LD_PRELOAD="$libasan" \
  pnpm exec vitest run --project native --project publisher packages/native/test packages/publisher/test/native
