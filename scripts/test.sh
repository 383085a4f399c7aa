#!/usr/bin/env bash
# The whole test suite on a fresh machine: bootstrap, build + typecheck + lint, local Kafka (single
# node and a 3-node cluster, unless KAFKA_BROKERS names a running cluster), every test package, and
# a last line `N passed, N failed, N skipped`. Stops only the brokers it started.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
cd "$HERALD_ROOT"

STARTED_MODES=()
SUMMARY_PRINTED=
cleanup() {
  local rc=$? mode
  for mode in "${STARTED_MODES[@]}"; do node scripts/kafka/kafka.mjs stop "$mode" >/dev/null 2>&1 || true; done
  STARTED_MODES=()
  # A run that died before the tests still ends on a line CI can read.
  [ -n "$SUMMARY_PRINTED" ] || [ "$rc" = 0 ] || printf '0 passed, 1 failed\n'
}
trap cleanup EXIT

start_brokers() {
  if [ -n "${KAFKA_BROKERS:-}" ]; then echo "using KAFKA_BROKERS=$KAFKA_BROKERS"; return 0; fi
  local mode pids=() rc=0
  for mode in single cluster; do
    if node scripts/kafka/kafka.mjs status "$mode" >/dev/null 2>&1; then echo "$mode: already running, reused"; continue; fi
    STARTED_MODES+=("$mode")
    node scripts/kafka/kafka.mjs start "$mode" & pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || rc=1; done
  return $rc
}

summary_of() { grep -E '^[0-9]+ passed, [0-9]+ failed' "$1" | tail -n 1; }

bootstrap_all
phase "build typecheck lint" pnpm exec turbo run build typecheck lint --output-logs=errors-only
phase "kafka start" start_brokers

log=.cache/vitest.log
start=$SECONDS
set +e
pnpm exec vitest run 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e
HERALD_PHASES+=("$(printf '%-22s %4ss' tests $((SECONDS - start)))")
for mode in "${STARTED_MODES[@]}"; do node scripts/kafka/kafka.mjs stop "$mode" >/dev/null || true; done
STARTED_MODES=()
print_phases
summary=$(summary_of "$log")
[ -n "$summary" ] || summary="0 passed, 1 failed"
SUMMARY_PRINTED=1
echo "$summary"
exit "$rc"
