#!/usr/bin/env bash
# Times `intake process` end to end on a 4-page dossier: a CCCD front and back (two flatbed scans, the back upside
# down) and a 2-page birth-registration form (PDF), for procedure 1.001193. The inputs are the ones the CLI test
# generates (synthetic citizen, seed 1193). Runs on 2 cores (taskset) unless CORES says otherwise.
#   bench/dossier/run.sh            uses ./intake (builds if needed)
#   INTAKE_HOST_DLL=/path/Intake.Kiosk.Host.dll bench/dossier/run.sh   uses an existing build
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="${OUT:-$ROOT/bench/out/dossier}"
CORES="${CORES:-0,1}"
RUNS="${RUNS:-3}"
INPUTS="$OUT/inputs"
export OMP_THREAD_LIMIT=1

if [ ! -f "$INPUTS/form.pdf" ]; then
  echo "bench: generating inputs (ProcessVerbTests)…" >&2
  INTAKE_KEEP_DOSSIER_INPUTS="$INPUTS" dotnet test "$ROOT/tests/Intake.Kiosk.Host.Tests" -c Release ${ARTIFACTS:+-p:ArtifactsPath=$ARTIFACTS} \
    --filter "FullyQualifiedName~ProcessVerbTests.Front_back_and_form" -nologo -v quiet >/dev/null
fi

if [ -n "${INTAKE_HOST_DLL:-}" ]; then run=(dotnet "$INTAKE_HOST_DLL"); else run=("$ROOT/intake"); fi
times=()
for i in $(seq 1 "$RUNS"); do
  rm -rf "$OUT/package"
  start=$(date +%s.%N)
  taskset -c "$CORES" "${run[@]}" process "$INPUTS/front.jpg" "$INPUTS/back.jpg" "$INPUTS/form.pdf" \
    --out "$OUT/package" --data "$OUT/data" --procedure 1.001193 --operator "Bench" >"$OUT/run-$i.txt"
  end=$(date +%s.%N)
  times+=("$(echo "$end - $start" | bc)")
done
printf 'dossier (4 pages, cores %s): %s s per run (%s runs: %s)\n' "$CORES" \
  "$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")" "$RUNS" "${times[*]}"
tail -1 "$OUT/run-$RUNS.txt"
