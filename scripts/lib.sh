# Shared settings for the scripts: cached tools, the contracts, logging. Source it, don't run it.
# Tools are cached outside the clone (under ~/.cache/sum by default) so CI runs and later
# sessions on the same machine reuse them, while a fresh machine builds them once.

SUM_CACHE="${SUM_CACHE:-$HOME/.cache/sum}"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Pinned tool versions.
BINARYEN_VERSION="132.0.0"
# 3.0.11 needs rustc 1.96; 3.0.10 is the newest 3.0.x that builds on 1.95.
COSMWASM_CHECK_VERSION="3.0.10"

WASM_OPT="$SUM_CACHE/binaryen-$BINARYEN_VERSION/node_modules/.bin/wasm-opt"
COSMWASM_CHECK="$SUM_CACHE/cosmwasm-check-$COSMWASM_CHECK_VERSION/bin/cosmwasm-check"

# The contracts, in the order they are built and reported: the first word of each line of
# scripts/contracts.txt that is neither blank nor a comment (as sumclient/deploy.py reads it).
CONTRACTS_FILE="$REPO_ROOT/scripts/contracts.txt"
mapfile -t CONTRACTS < <(awk '!/^[[:space:]]*#/ && NF { print $1 }' "$CONTRACTS_FILE")
[ "${#CONTRACTS[@]}" -gt 0 ] || die "no contracts listed in $CONTRACTS_FILE"

# The file name of a contract's optimised Wasm in artifacts/.
artifact_name() { echo "sum_${1//-/_}.wasm"; }

# Lowers the post-MVP opcodes Rust >= 1.87 emits (bulk memory, sign extension,
# non-trapping float-to-int), which the CosmWasm VM rejects, and optimises for size.
optimise_wasm() {
  "$WASM_OPT" -Os --strip-debug --strip-producers \
    --enable-bulk-memory --enable-sign-ext --enable-nontrapping-float-to-int --enable-mutable-globals \
    --llvm-memory-copy-fill-lowering --signext-lowering --llvm-nontrapping-fptoint-lowering \
    "$1" -o "$2"
}

# wasmd, built from its Go module source (the module proxy serves it; wasmvm's module
# carries the prebuilt libwasmvm).
WASMD_VERSION="v0.61.14"
WASMD_HOME_DIR="$SUM_CACHE/wasmd-$WASMD_VERSION"
WASMD="$WASMD_HOME_DIR/bin/wasmd"
