#!/usr/bin/env bash
# The demo on a fresh machine: bootstrap, build, start a local broker unless KAFKA_BROKERS names
# one, run docs/examples/demo.ts (extra arguments are passed on, e.g. --orders 100000), stop the
# broker if this script started it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
cd "$HERALD_ROOT"

STARTED=
cleanup() { [ -z "$STARTED" ] || node scripts/kafka/kafka.mjs stop single >/dev/null 2>&1 || true; }
trap cleanup EXIT

start_broker() {
  if [ -n "${KAFKA_BROKERS:-}" ]; then echo "using KAFKA_BROKERS=$KAFKA_BROKERS"; return 0; fi
  if node scripts/kafka/kafka.mjs status single >/dev/null 2>&1; then echo "local broker already running"; return 0; fi
  STARTED=1
  node scripts/kafka/kafka.mjs start single
}

bootstrap_all
phase "build" pnpm exec turbo run build --output-logs=errors-only
phase "kafka start" start_broker
phase "demo" node docs/examples/dist/demo.js "$@"
print_phases
