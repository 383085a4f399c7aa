#!/usr/bin/env bash
# Installs what Herald needs on a fresh machine and skips what is already there: Debian build
# libraries and PostgreSQL (as root), the tested Node.js runtimes (from the npm registry, into .cache/node), pnpm 10,
# node modules with the native Kafka client compiled from source, and the Apache Kafka jars. Sourced
# by test.sh and demo.sh, which then run everything on the default Node; also runnable on its own.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/node.sh"
export TURBO_TELEMETRY_DISABLED=1 TURBO_NO_UPDATE_NOTIFIER=1
cd "$HERALD_ROOT"

PNPM_VERSION=10.34.9
DEBIAN_PACKAGES=(g++ make python3 zlib1g-dev libssl-dev libzstd-dev liblz4-dev libsasl2-dev)

# Any Node with npm will do to fetch the tested runtimes; from then on the default one runs everything.
check_npm() {
  command -v npm >/dev/null || die "npm (with any Node.js >= 20.17) is needed to fetch the Node runtimes"
}

node_runtimes() {
  fetch_all_nodes
  use_node "$HERALD_NODE_DEFAULT"
  echo "default runtime: node $(node -v) ($(command -v node))"
}

install_debian_packages() {
  local missing=() p
  for p in "${DEBIAN_PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  command -v java >/dev/null || missing+=(openjdk-17-jre-headless)
  command -v mvn >/dev/null || missing+=(maven)
  # The tls broker mode generates its CA and certificates at start (keytool comes with the JRE).
  command -v openssl >/dev/null || missing+=(openssl)
  # The outbox tests run a local PostgreSQL unless HERALD_PG_URL names one (scripts/postgres).
  if [ -z "${HERALD_PG_URL:-}" ]; then
    compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null || missing+=(postgresql)
    command -v psql >/dev/null || missing+=(postgresql-client)
  fi
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
  # bundled sources (.npmrc sets build-from-source) against the fetched Node's headers (use_node sets
  # npm_config_nodedir).
  # MAKEFLAGS with a high -j breaks the librdkafka build: keep whatever make would do by default.
  local log=.cache/install.log
  mkdir -p .cache
  if ! CKJS_LINKING=dynamic MAKEFLAGS= pnpm install --frozen-lockfile --reporter=append-only >"$log" 2>&1; then
    tail -n 60 "$log"; die "pnpm install failed (full log: $log)"
  fi
  grep -v 'kafka-javascript install: ' "$log" | tail -n 15
  # node_modules may hold a build for another Node (installed earlier, or by test.sh's other parts).
  native_for_current_node
  # Herald's own addon (Node-API: one build for every Node) builds in its install script and only
  # warns there (users fall back to CKJS); these machines must have it, so build it loudly if missing.
  native_addon_loads || node packages/native/scripts/build.mjs --strict
  native_addon_loads || die "@herald/native did not build; see the output above"
}

native_addon_loads() {
  node -e 'require("./packages/native/build/Release/herald_native.node").version()' 2>/dev/null
}

fetch_kafka_jars() {
  node scripts/kafka/kafka.mjs fetch
}

bootstrap_all() {
  check_npm
  phase "debian packages" install_debian_packages
  phase "node runtimes" node_runtimes
  phase "pnpm" install_pnpm
  phase "node modules + native" install_node_modules
  phase "kafka jars" fetch_kafka_jars
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  bootstrap_all
  print_phases
fi
