#!/usr/bin/env bash
# bench/scan-overlap: does cleaning and reading pages keep up with the feeder? SANE's own "test" backend
# (a private SANE_CONFIG_DIR enabling only it) scans its 10 ADF sheets at 300 dpi grey, slowed by a read
# delay to a 20 pages-per-minute feeder. Measured:
#   scan only      `intake scan` writing the pages (process start-up, measured with --help, subtracted)
#   scan + process `intake scan-overlap-bench`: each page cleaned (deskew, OCR copy) and read by
#                  Tesseract as it arrives, one engine per core, while later pages are still scanning
#   one page       the same processing of one page on its own, after the run
# Verdict: total <= scan only + one page's processing (the last page cannot be read before it is scanned).
# Usage: bench/scan-overlap/run.sh   (INTAKE="dotnet path/to/Intake.Kiosk.Host.dll" measures a given build)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
INTAKE="${INTAKE:-$ROOT/intake}"
DPI=300 PPM=20
export OMP_THREAD_LIMIT=1
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT

# The test backend sleeps read-delay-duration before each sane_read, but how many bytes a read returns
# depends on its pipe, so the delay is calibrated: one flatbed page with a trial delay, then scaled so
# one grey page (the whole 200 mm bed at 300 dpi) takes 60/PPM seconds.
mkdir -p "$WORK/sane"
echo test > "$WORK/sane/dll.conf"
write_conf() {
  cat > "$WORK/sane/test.conf" <<CONF
number_of_devices 1
test-picture "Color pattern"
read-limit true
read-limit-size 65536
read-delay true
read-delay-duration $1
CONF
}
export SANE_CONFIG_DIR="$WORK/sane"
$INTAKE --help >/dev/null   # build first, outside the timing
trial_us=10000
write_conf $trial_us
# `intake scan` prints "page-001.png  WxH  300 dpi  S.SS s": the page's own scanning time.
trial_s=$($INTAKE scan --device test:0 --dpi $DPI --mode gray --out "$WORK/trial" | awk '/^page-001/ {print $(NF-1)}')
delay_us=$(awk -v t="$trial_us" -v s="$trial_s" -v ppm="$PPM" 'BEGIN{printf "%d", t * (60 / ppm) / s}')
write_conf "$delay_us"

now() { date +%s.%N; }
t0=$(now); $INTAKE --help >/dev/null; t1=$(now)
$INTAKE scan --device test:0 --source adf --dpi $DPI --mode gray --out "$WORK/pages" >/dev/null
t2=$(now)
pages=$(ls "$WORK/pages" | wc -l)
$INTAKE scan-overlap-bench --device test:0 --dpi $DPI > "$WORK/bench.txt"
get() { sed -n "s/^$1=//p" "$WORK/bench.txt"; }

awk -v start="$(awk -v a="$t1" -v b="$t0" 'BEGIN{print a - b}')" -v scan="$(awk -v a="$t2" -v b="$t1" 'BEGIN{print a - b}')" \
    -v pages="$pages" -v total="$(get total_s)" -v one="$(get one_page_s)" -v median="$(get page_processing_s)" \
    -v last="$(get last_page_scanned_s)" -v workers="$(get workers)" -v n="$(get pages)" -v delay="$delay_us" \
    -v cores="$(getconf _NPROCESSORS_ONLN)" 'BEGIN {
  scan_only = scan - start
  printf "scan-overlap: SANE test backend, %d ADF pages at 300 dpi grey, read delay %d us per read (calibrated to 20 pages/min), %d cores, %d OCR engines\n", n, delay, cores, workers
  printf "%-44s %8.2f s  (%d pages written; %.2f s process start-up subtracted)\n", "scan only (intake scan)", scan_only, pages, start
  printf "%-44s %8.2f s  (last page in at %.2f s)\n", "scan + cleanup + OCR, overlapped", total, last
  printf "%-44s %8.2f s  (median inside the run %.2f s)\n", "one page processing alone", one, median
  ok = total <= scan_only + one
  printf "total %.2f s %s scan only + one page %.2f s: %s\n", total, ok ? "<=" : ">", scan_only + one, ok ? "PASS" : "FAIL"
  exit ok ? 0 : 1
}'
