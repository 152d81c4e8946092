#!/usr/bin/env bash
# Builds wasmd $WASMD_VERSION from the Go module proxy's source, once, into the cache.
# A plain `go install …@version` fails because wasmd's go.mod has replace directives, so
# the module is copied to a writable folder and built there as its Makefile does.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

if [ -x "$WASMD" ] && LD_LIBRARY_PATH="$(dirname "$WASMD")" "$WASMD" version >/dev/null 2>&1; then
  exit 0
fi
command -v go >/dev/null || die "Go is needed to build wasmd"
log "building wasmd $WASMD_VERSION from source (once; takes several minutes)"
started=$(date +%s)
module_dir=$(go mod download -json "github.com/CosmWasm/wasmd@$WASMD_VERSION" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')
src="$WASMD_HOME_DIR/src"
rm -rf "$src"
mkdir -p "$WASMD_HOME_DIR/bin"
cp -r "$module_dir" "$src"
chmod -R u+w "$src"
cd "$src"
# Build with the Go toolchain wasmd's go.mod names (the go command fetches it through the
# module proxy): newer Go releases break its dependency bytedance/sonic.
toolchain=$(awk '$1 == "toolchain" {print $2}' go.mod)
export GOTOOLCHAIN="${toolchain:-local}"
log "using Go toolchain $GOTOOLCHAIN"
# -checklinkname=0: as wasmd's Makefile, for a dependency's go:linkname use.
go build -mod=readonly -tags netgo -trimpath \
  -ldflags "-checklinkname=0 \
    -X github.com/cosmos/cosmos-sdk/version.Name=wasm \
    -X github.com/cosmos/cosmos-sdk/version.AppName=wasmd \
    -X github.com/cosmos/cosmos-sdk/version.Version=${WASMD_VERSION#v} \
    -X github.com/CosmWasm/wasmd/app.Bech32Prefix=wasm \
    -X github.com/cosmos/cosmos-sdk/version.BuildTags=netgo" \
  -o "$WASMD" ./cmd/wasmd
# Keep libwasmvm beside the binary so it runs without the Go module cache.
wasmvm_dir=$(go list -m -f '{{.Dir}}' github.com/CosmWasm/wasmvm/v3)
cp "$wasmvm_dir/internal/api/libwasmvm.x86_64.so" "$(dirname "$WASMD")/"
rm -rf "$src"
LD_LIBRARY_PATH="$(dirname "$WASMD")" "$WASMD" version
log "wasmd built in $(( $(date +%s) - started ))s"
