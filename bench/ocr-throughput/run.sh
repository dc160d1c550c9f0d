#!/usr/bin/env bash
# bench/ocr-throughput: pages per minute of `./intake ocr` (one process, one Tesseract engine per core,
# models loaded once, pages kept in memory) against the `tesseract` CLI over the same upright pages
# (one process per file, two at a time), both with OMP_THREAD_LIMIT=1 and -l vie+eng, in one run.
# Usage: bench/ocr-throughput/run.sh [rounds]   (each round reads every page once with each tool)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CORPUS="${INTAKE_CORPUS:-$ROOT/../shared/corpus}"
ROUNDS="${1:-2}"
# The command under test; INTAKE="dotnet path/to/Intake.Kiosk.Host.dll" measures a given build.
INTAKE="${INTAKE:-$ROOT/intake}"
export OMP_THREAD_LIMIT=1
OUT="$(mktemp -d)"; trap 'rm -rf "$OUT"' EXIT

# Every upright, text-bearing page of the corpus: 1-bit G4 magazine pages, multi-page TIFFs, palette
# PNGs, a colour photo page, and the ICAO passport/ID specimens (card-sized, like most kiosk pages).
# Skewed, rotated and camera pages belong to bench/cleanup-vs-peers; QR samples carry no text.
PAGES=(
  tesseract-test/phototest.tif tesseract-test/eurotext.tif tesseract-test/8071_093.3B.tif
  tesseract-test/8087_054.3B.tif tesseract-test/viet.tif vietocr/vietsample.tif vietocr/vietsample1.tif
  ocrmypdf/linn.png ocrmypdf/baiona.png ocrmypdf/typewriter.png
)
for f in "$CORPUS"/passporteye/*; do PAGES+=("passporteye/$(basename "$f")"); done
FILES=(); for p in "${PAGES[@]}"; do FILES+=("$CORPUS/$p"); done
NPAGES=$(( ${#PAGES[@]} + 2 ))   # the two vietocr TIFFs have two pages each

$INTAKE --help >/dev/null   # build first, outside the timing
# Cleanup (issue 3) is measured by bench/cleanup-vs-peers; here both tools read the pages as they are.
NO_CLEANUP=""; if $INTAKE ocr --help 2>&1 | grep -q -- "--no-cleanup"; then NO_CLEANUP="--no-cleanup"; fi

now() { date +%s.%N; }
intake_s=0; cli_s=0
for round in $(seq 1 "$ROUNDS"); do
  t0=$(now)
  $INTAKE ocr $NO_CLEANUP --lang vie+eng --out "$OUT/intake" "${FILES[@]}" >/dev/null
  t1=$(now)
  mkdir -p "$OUT/cli"
  printf '%s\n' "${FILES[@]}" | xargs -P 2 -I{} sh -c 'tesseract "$1" "$2/$(basename "${1%.*}")" -l vie+eng >/dev/null 2>&1' _ {} "$OUT/cli"
  t2=$(now)
  intake_s=$(awk -v a="$intake_s" -v b="$t1" -v c="$t0" 'BEGIN{print a + b - c}')
  cli_s=$(awk -v a="$cli_s" -v b="$t2" -v c="$t1" 'BEGIN{print a + b - c}')
done

# Both read the same text: compare each file's output, whitespace folded.
same=0; for f in "${FILES[@]}"; do
  n=$(basename "${f%.*}")
  if diff -q <(tr -s ' \n\f' ' ' < "$OUT/intake/$n.txt") <(tr -s ' \n\f' ' ' < "$OUT/cli/$n.txt") >/dev/null; then same=$((same + 1)); fi
done

awk -v p="$NPAGES" -v r="$ROUNDS" -v i="$intake_s" -v c="$cli_s" -v same="$same" -v files="${#FILES[@]}" -v cores="$(getconf _NPROCESSORS_ONLN)" 'BEGIN {
  ip = p * r / i * 60; cp = p * r / c * 60
  printf "ocr-throughput: %d pages x %d rounds, %d cores, OMP_THREAD_LIMIT=1, -l vie+eng\n", p, r, cores
  printf "%-28s %10s %14s\n", "tool", "seconds", "pages/minute"
  printf "%-28s %10.1f %14.1f\n", "intake ocr (1 process)", i, ip
  printf "%-28s %10.1f %14.1f\n", "tesseract CLI (2 at a time)", c, cp
  printf "ratio intake/tesseract: %.2fx (target >= 1.3x)\n", ip / cp
  printf "identical text: %d of %d files\n", same, files
}'
