# Shared shell helpers for bootstrap.sh, test.sh and demo.sh: phase timing and clear failures.
HERALD_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HERALD_PHASES=()

die() { printf 'herald: %s\n' "$*" >&2; exit 1; }

# phase NAME CMD...: runs CMD, records how long it took, fails loudly with the phase name.
phase() {
  local name=$1; shift
  local start=$SECONDS
  printf '\n== %s\n' "$name"
  "$@" || die "phase '$name' failed"
  HERALD_PHASES+=("$(printf '%-36s %4ss' "$name" $((SECONDS - start)))")
}

print_phases() {
  printf '\n== phase timings\n'
  local p
  for p in "${HERALD_PHASES[@]}"; do printf '  %s\n' "$p"; done
}
