# The Node.js runtimes Herald is tested on, and the native Kafka client built for each of them.
# Sourced by bootstrap.sh (after lib.sh). Node binaries with their headers come from the npm
# registry as the package `node-linux-<arch>@<version>`, fetched with `npm pack` into the project's
# cache: no other download. @confluentinc/kafka-javascript is a NAN addon, so it needs one build per
# Node ABI; node_modules holds one build at a time, so every build is kept per ABI under
# .cache/native and copied into place (by rename: the files in node_modules are hard links into the
# shared pnpm store and must not be written through).

# The development runtime: first on PATH for everything bootstrap.sh, test.sh and demo.sh run.
HERALD_NODE_DEFAULT=24.22.3
# Also tested in CI (scripts/test.sh runs a named subset of the suite on each).
HERALD_NODE_OTHERS=(22.23.5 26.12.1)
HERALD_NODE_CACHE=${HERALD_NODE_CACHE:-$HERALD_ROOT/.cache/node}
HERALD_NATIVE_CACHE=$HERALD_ROOT/.cache/native

node_home() { printf '%s/%s' "$HERALD_NODE_CACHE" "$1"; }

# fetch_node VERSION: unpacks node-linux-<arch>@VERSION into .cache/node/VERSION unless it is there.
fetch_node() {
  local version=$1 home tmp arch
  home=$(node_home "$version")
  [ -x "$home/bin/node" ] && return 0
  case "$(uname -m)" in x86_64) arch=x64 ;; aarch64) arch=arm64 ;; *) die "no Node package for $(uname -m)" ;; esac
  mkdir -p "$HERALD_NODE_CACHE"
  tmp=$(mktemp -d "$HERALD_NODE_CACHE/.fetch.XXXXXX")
  if ! (cd "$tmp" && npm pack --silent "node-linux-$arch@$version" >/dev/null); then
    rm -rf "$tmp"; die "could not fetch node-linux-$arch@$version from the npm registry"
  fi
  mkdir "$tmp/node" && tar -xzf "$tmp/node-linux-$arch-$version.tgz" -C "$tmp/node" --strip-components=1
  "$tmp/node/bin/node" -e 'process.exit(0)' || { rm -rf "$tmp"; die "node $version does not run here"; }
  rm -rf "$home" && mv "$tmp/node" "$home" && rm -rf "$tmp"
  echo "node $version fetched into ${home#"$HERALD_ROOT"/}"
}

fetch_all_nodes() {
  local v
  for v in "$HERALD_NODE_DEFAULT" "${HERALD_NODE_OTHERS[@]}"; do fetch_node "$v"; done
}

# use_node VERSION: puts that Node first on PATH and points node-gyp at its headers.
use_node() {
  local home
  home=$(node_home "$1")
  [ -x "$home/bin/node" ] || die "node $1 is not fetched (run scripts/bootstrap.sh)"
  PATH="$home/bin:${PATH#"$home/bin:"}"
  export PATH npm_config_nodedir="$home"
  hash -r
}

ckjs_dir() { (cd "$HERALD_ROOT/packages/publisher" && node -p 'require("node:path").dirname(require.resolve("@confluentinc/kafka-javascript/package.json"))'); }

native_client_loads() {
  (cd "$HERALD_ROOT/packages/publisher" && node -e 'require("@confluentinc/kafka-javascript")' 2>/dev/null)
}

# The kept build of the native client for the Node on PATH.
native_cached() {
  local version
  version=$(node -p 'require(process.argv[1]).version' "$(ckjs_dir)/package.json")
  printf '%s/ckjs-%s-abi%s/confluent-kafka-javascript.node' "$HERALD_NATIVE_CACHE" "$version" "$(node -p process.versions.modules)"
}

# Compiles the native client's addon for the Node on PATH and keeps it in .cache/native. Only the
# addon depends on the Node ABI: it is compiled in a private copy of the package's sources
# (BUILD_LIBRDKAFKA=0) against the librdkafka that pnpm already built in node_modules, found at run
# time through the same rpath ($ORIGIN/../deps) as the original build. About a minute on 2 cores.
native_build() {
  local pkg src cached log gyp
  pkg=$(ckjs_dir); cached=$(native_cached); src="$HERALD_NATIVE_CACHE/src-$(node -v)"; log="$HERALD_NATIVE_CACHE/build-$(node -v).log"
  gyp="$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js"
  [ -f "$gyp" ] || die "node-gyp (bundled with npm) not found at $gyp"
  [ -f "$pkg/build/deps/librdkafka.so.1" ] || die "librdkafka is not built in $pkg (run pnpm install first)"
  echo "building the native Kafka client for node $(node -v) (log: ${log#"$HERALD_ROOT"/})"
  rm -rf "$src" && mkdir -p "$src" && cp -r "$pkg/binding.gyp" "$pkg/package.json" "$pkg/src" "$pkg/util" "$src/"
  # NODE_PATH: binding.gyp resolves `nan` from the package's own dependencies. make turns $$ into $,
  # the shell keeps '$ORIGIN' for the linker.
  if ! (cd "$src" && NODE_PATH="$(dirname "$(dirname "$pkg")")" BUILD_LIBRDKAFKA=0 MAKEFLAGS= \
      CXXFLAGS="-I$pkg/deps/librdkafka/src -I$pkg/deps/librdkafka/src-cpp" \
      LDFLAGS="-L$pkg/build/deps -Wl,-rpath,'\$\$ORIGIN/../deps'" \
      node "$gyp" configure build --nodedir="$npm_config_nodedir" >"$log" 2>&1); then
    tail -n 40 "$log"; die "the native Kafka client did not build for node $(node -v)"
  fi
  mkdir -p "$(dirname "$cached")" && cp "$src/build/Release/confluent-kafka-javascript.node" "$cached.tmp" && mv -f "$cached.tmp" "$cached"
  rm -rf "$src"
}

# native_for_current_node: makes node_modules hold the native client built for the Node on PATH,
# building it once per ABI; the build pnpm made is kept too, so switching back costs a copy.
native_for_current_node() {
  local cached release
  cached=$(native_cached); release="$(ckjs_dir)/build/Release"
  if native_client_loads; then
    [ -f "$cached" ] || { mkdir -p "$(dirname "$cached")"; cp "$release/confluent-kafka-javascript.node" "$cached"; }
    echo "native Kafka client loads on node $(node -v)"; return 0
  fi
  [ -f "$cached" ] || native_build
  mkdir -p "$release"
  cp "$cached" "$release/.herald-swap.node" && mv -f "$release/.herald-swap.node" "$release/confluent-kafka-javascript.node"
  native_client_loads || die "the native Kafka client does not load on node $(node -v)"
  echo "native Kafka client for node $(node -v) (ABI $(node -p process.versions.modules)) in place"
}
