#!/usr/bin/env bash
# The store's crash experiment at scale (issue 11; the suite's StoreCrashTests does 20): a child process commits
# synthetic dossiers (4 pages of PAGE_BYTES each, default 256 KiB) in a loop and is killed with SIGKILL at a random
# moment, KILLS times (default 200), restarted each time. Prints the counts: committed (commits that returned), lost,
# partial, repeated codes; the last three must be 0 (exit code 1 otherwise).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="${OUT:-$ROOT/bench/out/store-crash}"
KILLS="${KILLS:-200}"
PAGE_BYTES="${PAGE_BYTES:-262144}"
DRIVER="$ROOT/artifacts/bin/Intake.Bench.StoreDriver/release/Intake.Bench.StoreDriver.dll"
[ -f "$DRIVER" ] || dotnet build "$ROOT/bench/StoreDriver" -c Release -nologo -v quiet >&2
rm -rf "$OUT" && mkdir -p "$OUT"
dotnet "$DRIVER" crash "$OUT/data" "$KILLS" "$PAGE_BYTES"
