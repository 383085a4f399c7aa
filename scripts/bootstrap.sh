#!/usr/bin/env bash
# Installs what Herald needs on a fresh machine and skips what is already there: Debian build
# libraries (as root), pnpm 10, node modules with the native Kafka client compiled from source, and
# the Apache Kafka jars. Sourced by test.sh and demo.sh; also runnable on its own.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
export TURBO_TELEMETRY_DISABLED=1 TURBO_NO_UPDATE_NOTIFIER=1
cd "$HERALD_ROOT"

PNPM_VERSION=10.34.9
DEBIAN_PACKAGES=(g++ make python3 zlib1g-dev libssl-dev libzstd-dev liblz4-dev libsasl2-dev)

check_node() {
  command -v node >/dev/null || die "Node.js >= 20.19 is required and was not found"
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
    || die "Node.js >= 20.19 is required, found $(node -v)"
}

install_debian_packages() {
  local missing=() p
  for p in "${DEBIAN_PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  command -v java >/dev/null || missing+=(openjdk-17-jre-headless)
  command -v mvn >/dev/null || missing+=(maven)
  [ ${#missing[@]} -eq 0 ] && { echo "debian packages present"; return 0; }
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    die "missing system packages: ${missing[*]} (install them, or run as root on Debian/Ubuntu)"
  fi
  echo "installing: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_pnpm() {
  if command -v pnpm >/dev/null && [ "$(pnpm --version)" = "$PNPM_VERSION" ]; then echo "pnpm $PNPM_VERSION present"; return 0; fi
  npm install -g --silent "pnpm@$PNPM_VERSION"
}

install_node_modules() {
  # The prebuilt binary and node-gyp's header download are out of reach: build librdkafka from the
  # bundled sources against the local Node headers (.npmrc sets build-from-source and nodedir).
  # MAKEFLAGS with a high -j breaks the librdkafka build: keep whatever make would do by default.
  local log=.cache/install.log
  mkdir -p .cache
  if ! CKJS_LINKING=dynamic MAKEFLAGS= pnpm install --frozen-lockfile --reporter=append-only >"$log" 2>&1; then
    tail -n 60 "$log"; die "pnpm install failed (full log: $log)"
  fi
  grep -v 'kafka-javascript install: ' "$log" | tail -n 15
  native_client_loads || CKJS_LINKING=dynamic MAKEFLAGS= pnpm rebuild @confluentinc/kafka-javascript
  native_client_loads || die "the native Kafka client did not build; see the install output above"
}

native_client_loads() {
  (cd packages/publisher && node -e 'require("@confluentinc/kafka-javascript")' 2>/dev/null)
}

fetch_kafka_jars() {
  node scripts/kafka/kafka.mjs fetch
}

bootstrap_all() {
  check_node
  phase "debian packages" install_debian_packages
  phase "pnpm" install_pnpm
  phase "node modules + native" install_node_modules
  phase "kafka jars" fetch_kafka_jars
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  bootstrap_all
  print_phases
fi
