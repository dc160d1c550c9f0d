#!/usr/bin/env bash
# bench/session: the time from the last page scanned to the review screen's fields, for the 4-page dossier of the
# bundled samples (ID card front and back, the two pages of a birth-registration form), through the real
# `intake serve` and its session API. Pages are read while the next is "on the glass": SCAN_GAP seconds between
# presses stands for the flatbed's own scan time (a 300 dpi A4 colour scan takes 5-10 s on the kiosk's scanners).
# Usage: bench/session/run.sh [RUNS] (default 5; the first, with the engines still loading, is reported apart).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS="${1:-5}"
SCAN_GAP="${SCAN_GAP:-4}"
"$ROOT/intake" --help >/dev/null   # builds when needed
DLL="$ROOT/artifacts/bin/Intake.Kiosk.Host/release/Intake.Kiosk.Host.dll"
WORK="$(mktemp -d)"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
export OMP_THREAD_LIMIT=1 LD_PRELOAD="$ROOT/artifacts/native/intake_scanner/libintake_scanner.so"
dotnet "$DLL" serve --port "$PORT" --data "$WORK/data" --scanner auto >"$WORK/serve.out" 2>"$WORK/serve.err" &
SERVE=$!
trap 'kill $SERVE 2>/dev/null; wait $SERVE 2>/dev/null; rm -rf "$WORK"' EXIT
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 100); do curl -sf "$BASE/health" >/dev/null && break; sleep 0.2; done
now() { date +%s.%N; }
echo "run,last_scan_to_review_ms,fields,checklist_complete"
for run in $(seq "$RUNS"); do
  id="$(curl -sf -XPOST "$BASE/api/session" -H 'Content-Type: application/json' -d '{"procedure":"1.001193"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
  for page in 1 2 3 4; do
    [ "$page" -gt 1 ] && sleep "$SCAN_GAP"
    curl -sf -XPOST "$BASE/api/session/$id/scan" >/dev/null
  done
  start="$(now)"
  review="$(curl -sf "$BASE/api/session/$id/review")"
  end="$(now)"
  summary="$(python3 -c 'import json,sys; r=json.loads(sys.argv[1]); print(len(r["fields"]), all(i["present"] for i in r["checklist"]))' "$review")"
  ms="$(python3 -c "print(round(($end-$start)*1000))")"
  echo "$run,$ms,${summary// /,}"
  curl -sf -XDELETE "$BASE/api/session/$id?reason=cancelled" >/dev/null
done
