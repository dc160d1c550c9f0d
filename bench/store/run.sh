#!/usr/bin/env bash
# The store's commit speed (issue 11): COUNT commits (default 200) of a 4-page dossier of 2 MiB page images (8 MiB, as
# incompressible as JPEG) plus dossier.json and dossier.pdf, from memory, each sealed (AES-256-GCM), written,
# fsynced and committed to LiteDB with its log fsynced before the commit returns; p50/p99 of the commit, then one
# dossier read back (decrypted, hashes verified). Target: p50 <= 150 ms. The store lives in $OUT (default
# bench/out/store, on the repository's disk, not tmpfs: fsync must reach a real disk to count).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="${OUT:-$ROOT/bench/out/store}"
COUNT="${COUNT:-200}"
DRIVER="$ROOT/artifacts/bin/Intake.Bench.StoreDriver/release/Intake.Bench.StoreDriver.dll"
dotnet build "$ROOT/bench/StoreDriver" -c Release -nologo -v quiet >&2
rm -rf "$OUT" && mkdir -p "$OUT"
dotnet "$DRIVER" bench "$OUT/data" "$COUNT"
rm -rf "$OUT/data"
# the same without the fsync of LiteDB's log and data files after each commit: what durability costs
dotnet "$DRIVER" bench "$OUT/data" "$COUNT" nosync | head -1
rm -rf "$OUT/data"
