#!/usr/bin/env bash
# The whole test suite on a fresh machine: bootstrap, build + typecheck + lint, local Kafka (single
# node and a 3-node cluster, unless KAFKA_BROKERS names a running cluster; also the chaos cluster
# the reliability catalogue's CI subset breaks, and the tls node with its generated CA and
# certificates), local PostgreSQL for the outbox (unless HERALD_PG_URL names a server), every test
# package on the default Node, a named subset on each other tested Node (scripts/node.sh), and a last
# line `N passed, N failed, N skipped` summed over all parts. Stops only the brokers and servers it
# started.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
cd "$HERALD_ROOT"

# What runs on the other Nodes: enough to prove the runtime, the native client built for it
# included (native client, unit and integration publisher tests, schemas with their dist bundle,
# translators, every package entry point by import and require()). The default Node runs everything.
# vitest's file filters apply to every listed project.
OTHER_NODE_PARTS=(
  "schemas+translators|--project schemas --project translators"
  "publisher+entry points|--project publisher --project examples test/native-client.test.ts test/unit/ test/integration/smoke.test.ts test/integration/publisher.test.ts test/package-entry-points.test.ts"
)

# Every Kafka mode: the suite starts four, some tests start the others (sasl, fault) on demand.
KAFKA_MODES=(single cluster sasl fault chaos tls)
KAFKA_RUNNING_BEFORE=()
KAFKA_RECORDED=
PG_RUNNING_BEFORE=()
SUMMARY_PRINTED=
PART_LOGS=()
PART_LABELS=()
PART_RCS=()
TESTS_RC=0
stop_postgres() {
  # The outbox fault test starts the `fault` instance itself: stop whichever we did not find running.
  local instance
  [ -n "${HERALD_PG_URL:-}" ] && return 0
  for instance in main fault; do
    [[ " ${PG_RUNNING_BEFORE[*]} " == *" $instance "* ]] || node scripts/postgres/postgres.mjs stop "$instance" >/dev/null 2>&1 || true
  done
  PG_RUNNING_BEFORE=(main fault)
}
stop_kafka() {
  # Whatever this run started, itself or through a test, and nothing that was running before it.
  local mode
  [ -n "${KAFKA_BROKERS:-}" ] && return 0
  [ -n "$KAFKA_RECORDED" ] || return 0 # died before it looked: it started nothing
  for mode in "${KAFKA_MODES[@]}"; do
    [[ " ${KAFKA_RUNNING_BEFORE[*]} " == *" $mode "* ]] || node scripts/kafka/kafka.mjs stop "$mode" >/dev/null 2>&1 || true
  done
  KAFKA_RUNNING_BEFORE=("${KAFKA_MODES[@]}")
}
cleanup() {
  local rc=$?
  stop_kafka
  stop_postgres
  # Leave node_modules with the default Node's native client, whatever part failed.
  if [ "$(node -v 2>/dev/null)" != "v$HERALD_NODE_DEFAULT" ]; then
    (use_node "$HERALD_NODE_DEFAULT" && native_for_current_node >/dev/null) || true
  fi
  # A run that died before the tests still ends on a line CI can read.
  [ -n "$SUMMARY_PRINTED" ] || [ "$rc" = 0 ] || printf '0 passed, 1 failed\n'
}
trap cleanup EXIT

start_brokers() {
  if [ -n "${KAFKA_BROKERS:-}" ]; then echo "using KAFKA_BROKERS=$KAFKA_BROKERS"; return 0; fi
  local mode pids=() rc=0
  for mode in "${KAFKA_MODES[@]}"; do
    if node scripts/kafka/kafka.mjs status "$mode" >/dev/null 2>&1; then KAFKA_RUNNING_BEFORE+=("$mode"); fi
  done
  KAFKA_RECORDED=1
  # Started together so their JVM start-ups overlap; chaos and tls tests would start them otherwise.
  for mode in single cluster chaos tls; do
    if [[ " ${KAFKA_RUNNING_BEFORE[*]} " == *" $mode "* ]]; then echo "$mode: already running, reused"; continue; fi
    node scripts/kafka/kafka.mjs start "$mode" & pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || rc=1; done
  return $rc
}

start_postgres() {
  if [ -n "${HERALD_PG_URL:-}" ]; then echo "using HERALD_PG_URL"; return 0; fi
  local instance
  for instance in main fault; do
    node scripts/postgres/postgres.mjs status "$instance" >/dev/null 2>&1 && PG_RUNNING_BEFORE+=("$instance")
  done
  node scripts/postgres/postgres.mjs ensure main
}

summary_of() { grep -E '^[0-9]+ passed, [0-9]+ failed' "$1" | tail -n 1; }

# run_part LABEL VITEST_ARGS...: one vitest run on the Node now on PATH, its log kept for the summary.
run_part() {
  local label="node $(node -v) $1" log=".cache/vitest-${#PART_LOGS[@]}.log" start=$SECONDS rc
  shift
  printf '\n== tests: %s\n' "$label"
  set +e
  pnpm exec vitest run "$@" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  set -e
  [ "$rc" = 0 ] || TESTS_RC=1
  PART_LOGS+=("$log")
  PART_LABELS+=("$label")
  PART_RCS+=("$rc")
  HERALD_PHASES+=("$(printf "%-36s %4ss" "tests $label" $((SECONDS - start)))")
}

# Prints each part's summary, then the one line CI reads: the sums over every part.
print_summary() {
  local i line passed=0 failed=0 skipped=0 p f s
  printf '\n== test parts\n'
  for i in "${!PART_LOGS[@]}"; do
    line=$(summary_of "${PART_LOGS[$i]}")
    [ -n "$line" ] || line="0 passed, 1 failed, 0 skipped"
    printf '  %-52s %s\n' "${PART_LABELS[$i]}" "$line"
    read -r p f s < <(sed -E 's/^([0-9]+) passed, ([0-9]+) failed(, ([0-9]+) skipped)?.*/\1 \2 \4/' <<<"$line")
    # A run that failed outside any test (global setup, a crash) still counts as one failure.
    [ "${PART_RCS[$i]}" = 0 ] || [ "$f" -gt 0 ] || f=1
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + ${s:-0}))
  done
  [ ${#PART_LOGS[@]} -gt 0 ] || failed=1
  SUMMARY_PRINTED=1
  echo "$passed passed, $failed failed, $skipped skipped"
}

bootstrap_all
phase "build typecheck lint" pnpm exec turbo run build typecheck lint --output-logs=errors-only
phase "format" pnpm exec prettier --check --log-level warn .
phase "kafka start" start_brokers
phase "native sanitizer" bash scripts/native-sanitizer.sh
phase "postgres start" start_postgres

run_part "whole suite"
for version in "${HERALD_NODE_OTHERS[@]}"; do
  use_node "$version"
  phase "native node $version" native_for_current_node
  for part in "${OTHER_NODE_PARTS[@]}"; do
    # shellcheck disable=SC2086 # the part's arguments are meant to split
    run_part "${part%%|*}" ${part#*|}
  done
done
use_node "$HERALD_NODE_DEFAULT"
phase "native node $HERALD_NODE_DEFAULT" native_for_current_node

stop_kafka
stop_postgres
print_phases
print_summary
exit "$TESTS_RC"
